package jp.tetsuzuki.workers.ocr;

import static jp.tetsuzuki.workers.ocr.LabelVariantTest.certificate;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.invoice;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.laidOut;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, after the sixth held-out template: a name with its reading in brackets, hours in a grid of periods, the
 * clerk's 連絡先, ヶ/ケ in names, and the issue date against the payment due date. Each test has the value the reader
 * got before (in the comment).
 */
class NameReadingAndGridTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // before: 「吉田翔(ヨシダショウ)」 as the name, flagged, and no kana
      "就労者氏名 吉田　翔（ヨシダ　ショウ）;吉田翔;ヨシダショウ",
      "氏名 山田太郎【ヤマダタロウ】;山田太郎;ヤマダタロウ",
      "本人氏名 佐藤花子［サトウハナコ］;佐藤花子;サトウハナコ",
      // the closing bracket lost
      "就労者氏名 伊藤恵(イトウメグミ;伊藤恵;イトウメグミ"})
  void aNameWithItsReadingInBrackets(String line, String name, String kana) {
    Recognition r = certificate(page(line));
    assertThat(r.value("employeeName")).isEqualTo(name);
    assertThat(r.confidence("employeeName")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
    assertThat(r.value("employeeNameKana")).isEqualTo(kana);
  }

  @Test
  void aBracketedPartThatIsNoReadingStaysFlagged() {
    Recognition r = certificate(page("就労者氏名 吉田翔(123)"));
    assertThat(r.confidence("employeeName")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(r.value("employeeNameKana")).isNull();
  }

  @Test
  void aFuriganaRowAndABracketedReadingThatDisagreeAreFlagged() {
    Recognition r = certificate(page("フリガナ ヤマダタロウ", "氏名 山田太郎（ヤマダジロウ）"));
    assertThat(r.value("employeeNameKana")).isEqualTo("ヤマダタロウ");
    assertThat(r.confidence("employeeNameKana")).isLessThan(Recognition.VERIFY_BELOW);
  }

  @Test
  void aGridWithPeriodColumns() {
    // before: 「1か月就労時間」の欄が見つかりません (both hours missing)
    Recognition r = certificate(laidOut(
        new Object[] {100, 100, "就労実績（予定）", 600, "月間合計", 1000, "週平均"},
        new Object[] {160, 100, "就労日数", 640, "16日", 1000, "3.7日"},
        new Object[] {220, 100, "就労時間", 600, "80時間", 1000, "18時間"}));
    assertThat(r.value("workDaysPerMonth")).isEqualTo("16");
    assertThat(r.value("workHoursPerMonth")).isEqualTo("80");
    assertThat(r.value("workHoursPerWeek")).isEqualTo("18");
    assertThat(r.confidence("workHoursPerWeek")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
  }

  @Test
  void aGridWithPeriodRows() {
    Recognition r = certificate(laidOut(
        new Object[] {100, 400, "就労日数", 800, "就労時間"},
        new Object[] {160, 100, "1か月", 440, "19日", 800, "133時間"},
        new Object[] {220, 100, "1週", 440, "4日", 800, "31時間"}));
    assertThat(r.value("workHoursPerMonth")).isEqualTo("133");
    assertThat(r.value("workHoursPerWeek")).isEqualTo("31");
    assertThat(r.value("workDaysPerMonth")).isEqualTo("19");
  }

  @Test
  void aGridsHoursThatDisagreeAreFlagged() {
    // a week of 80 hours against a month of 80: the cross-check still applies to what the grid gave
    Recognition r = certificate(laidOut(
        new Object[] {100, 100, "就労実績", 600, "月間合計", 1000, "週平均"},
        new Object[] {160, 100, "就労時間", 600, "80時間", 1000, "80時間"}));
    assertThat(r.value("workHoursPerWeek")).isEqualTo("80");
    assertThat(r.confidence("workHoursPerWeek")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(r.confidence("workHoursPerMonth")).isLessThan(Recognition.VERIFY_BELOW);
  }

  @Test
  void theClerksContactIsNotTheEmployersPhone() {
    // before: 03-0343-2797, the clerk's number, unflagged
    Recognition r = certificate(page("電舌 03-0899-3357", "記入者 山本彩 連絡先 03-0343-2797"));
    assertThat(r.value("employerPhone")).isNotEqualTo("03-0343-2797");
    Recognition both = certificate(page("電話 03-0899-3357", "記入者 山本彩 連絡先 03-0343-2797"));
    assertThat(both.value("employerPhone")).isEqualTo("03-0899-3357");
  }

  @Test
  void ケBetweenKanjiInANameIsFlagged() {
    // before: 緑ケ丘企画株式会社 at 0.90, unflagged (the document says 緑ヶ丘)
    Recognition r = invoice(page("発行者 緑ケ丘企画株式会社"));
    assertThat(r.value("issuerName")).isEqualTo("緑ケ丘企画株式会社");
    assertThat(r.confidence("issuerName")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(invoice(page("発行者 桜丘企画株式会社")).confidence("issuerName"))
        .isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
    // the small ヶ, as printed, stays as read
    assertThat(invoice(page("発行者 緑ヶ丘企画株式会社")).confidence("issuerName"))
        .isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
  }

  @Test
  void anIssueDateFarFromTheDueDateIsFlagged() {
    // before: 2025-01-20 (a 1 lost from 11月) unflagged, due 2025-12-31
    Recognition r = invoice(page("発行日：2025年1月20日", "お支払期限：2025年12月31日"));
    assertThat(r.value("issueDate")).isEqualTo("2025-01-20");
    assertThat(r.confidence("issueDate")).isLessThan(Recognition.VERIFY_BELOW);
    Recognition fine = invoice(page("発行日：2025年11月20日", "お支払期限：2025年12月31日"));
    assertThat(fine.confidence("issueDate")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
    Recognition after = invoice(page("発行日：2025年11月20日", "お支払期限：2025年10月31日"));
    assertThat(after.confidence("issueDate")).isLessThan(Recognition.VERIFY_BELOW);
  }
}
