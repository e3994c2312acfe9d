package jp.tetsuzuki.workers.ocr;

import static jp.tetsuzuki.workers.ocr.LabelVariantTest.certificate;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.invoice;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, after the fifth held-out template: lists of choices with one marked (■ before one option, □ read as 口 or
 * ロ before the others), the 2024 standard form's 「雇用（予定）期間等」, the issue date when its label is unreadable,
 * the issuer named in front of a footer's registration number, and a western year's 0 read as 6. Each test has the
 * value the reader got wrong before.
 */
class MarkedChoiceTest {

  private static final List<String> TYPES = EmploymentCertificateReader.EMPLOYMENT_TYPES;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // a clear mark: sure
      "■正社員 □パート・アルバイト □派遣社員;正社員;true",
      "口正社員 ■パート・アルバイト ロ派遣社員;パート・アルバイト;true",
      "☑契約社員 □役員;契約社員;true",
      // a filled box OCR read as a dense kanji (measured: 画): the odd one out among empty boxes is sure
      "画正社員 ロパート・アルバイト 口派遣社員;正社員;true",
      // … but not when another option's box was not read at all
      "画正社員 パート・アルバイト 口派遣社員;正社員;false",
      // the one box that was not read at all among empty ones (measured): that option, flagged
      "口正社員 パート・アルバイト 口派遣社員 口契約社員;パート・アルバイト;false",
      // ■ read as another kanji (再, measured) and a box lost: the option after a glyph of its own, flagged (before:
      // the head of the line, 正社員)
      "恒用の形態正社員パート・アルバイト再派遣社員口契約社員口会計年度任用職員;派遣社員;false",
      // a list to circle (該当に○) with one option read after a circle: flagged
      "○正社員 パート・アルバイト 派遣社員;正社員;false"})
  void theMarkedOptionIsChosen(String line, String option, boolean sure) {
    Optional<ChoiceList.Choice> choice = ChoiceList.read(List.of(line), TYPES);
    assertThat(choice).isPresent();
    assertThat(choice.get().option()).isEqualTo(option);
    assertThat(choice.get().sure()).isEqualTo(sure);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "■正社員 ■パート・アルバイト □派遣社員", "口正社員 ロパート・アルバイト 口派遣社員",
      "口正社員 パート・アルバイト 派遣社員 口契約社員", "正社員 パート・アルバイト 派遣社員"})
  void anAmbiguousListChoosesNothing(String line) {
    Optional<ChoiceList.Choice> choice = ChoiceList.read(List.of(line), TYPES);
    assertThat(choice).isPresent();
    assertThat(choice.get().option()).isNull();
    assertThat(choice.get().reason()).isNotBlank();
  }

  @Test
  void noListIsNoChoice() {
    assertThat(ChoiceList.read(List.of("雇用の形態 正社員", "就労日数 20日"), TYPES)).isEmpty();
  }

  @Test
  void aListOverTwoLinesWithTheLabelOnALineOfItsOwn() {
    // HELD_OUT_5: the label between the two lines of boxes; before, 「雇用の形態」の欄が見つかりません or the first option
    Recognition r = certificate(page("口正社員 口パート・アルバイト 口派遣社員 口契約社員 口会計年度任用職員", "雇用の形態",
        "口非常勤・臨時職員 口役員 ■自営業主 口その他（ ）"));
    assertThat(r.value("employmentType")).isEqualTo("自営業主");
    assertThat(r.confidence("employmentType")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
    // before: the head of the value, 正社員, snapped at 0.20; now the ticked one
    Recognition second = certificate(page("雇用の形態 口正社員 ■契約社員 口役員"));
    assertThat(second.value("employmentType")).isEqualTo("契約社員");
  }

  @Test
  void anUnreadableMarkIsFlagged() {
    Recognition r = certificate(page("雇用の形態 口正社員 ロパート・アルバイト 口派遣社員"));
    assertThat(r.confidence("employmentType")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(r.fields().get("employmentType").reason()).contains("印");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "雇用（予定）期間等 令和2年4月1日 ～ （期間の定めなし）;2020-04-01",
      "雇用(予定)期間 2015年4月5日 ～ 2027年3月31日;2015-04-05",
      "雇用予定期間 H27.7.18 ～;2015-07-18"})
  void the2024FormsEmploymentPeriod(String line, String start) {
    // before: 「雇用期間」の欄が見つかりません (20 of 20 on HELD_OUT_5)
    assertThat(certificate(page(line)).value("employmentStart")).isEqualTo(start);
  }

  @Test
  void aWesternYearsZeroReadAsSixIsRepairedAndFlagged() {
    // HELD_OUT_5: 2025 read 2625, before: missing (「請求日」欄の値を読み取れませんでした)
    Recognition r = invoice(page("請求日 2625年12月21日"));
    assertThat(r.value("issueDate")).isEqualTo("2025-12-21");
    assertThat(r.confidence("issueDate")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(r.fields().get("issueDate").reason()).contains("補正");
  }

  @Test
  void theIssueDateWhenItsLabelIsUnreadableIsTheOneUnlabelledDate() {
    // HELD_OUT_5: 「請表日」「文kB」 for 請求日 in a ruled box, the items' 日付 heading offering 「6/3」; before: missing
    Recognition r = invoice(page("請求書", "文kB 令和7年1月13日", "日付 内容 数量", "6/3 複合機保守 2", "お支払期限 令和7年2月28日"));
    assertThat(r.value("issueDate")).isEqualTo("2025-01-13");
    assertThat(r.confidence("issueDate")).isLessThan(Recognition.VERIFY_BELOW);
    // two unlabelled dates: nothing is guessed
    Recognition two = invoice(page("請求書", "文kB 令和7年1月13日", "令和7年1月20日"));
    assertThat(two.value("issueDate")).isNull();
  }

  @Test
  void theIssuerInFrontOfAFootersRegistrationNumber() {
    // HELD_OUT_5: 17 of 20 issuers were a flagged guess from the first company name; now the footer's name
    String footer = "緑ヶ丘製作所株式会社 登録番号：T1159145252463";
    Recognition alone = invoice(page("請求書", "仮想市長 様", "合計 1,100円", footer));
    assertThat(alone.value("issuerName")).isEqualTo("緑ヶ丘製作所株式会社");
    assertThat(alone.confidence("issuerName")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
    // the letterhead names the same company: confirmed
    Recognition confirmed = invoice(page("請求書", "緑ヶ丘製作所株式会社", "仮想市長 様", footer));
    assertThat(confirmed.value("issuerName")).isEqualTo("緑ヶ丘製作所株式会社");
    assertThat(confirmed.confidence("issuerName")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
    // another company on the page and not this one: flagged
    Recognition other = invoice(page("請求書", "若葉企画株式会社", "仮想市長 様", footer));
    assertThat(other.value("issuerName")).isEqualTo("緑ヶ丘製作所株式会社");
    assertThat(other.confidence("issuerName")).isLessThan(Recognition.VERIFY_BELOW);
  }
}
