package jp.tetsuzuki.workers.ocr;

import static jp.tetsuzuki.workers.ocr.LabelVariantTest.certificate;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.invoice;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.laidOut;
import static jp.tetsuzuki.workers.ocr.LabelVariantTest.page;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Lines split into cells at wide gaps (issue 10, third held-out template): Tesseract returns side-by-side columns as
 * one line per height, so a value must end at its cell and a recipient or issuer block is found in its own cell.
 * 40 px a character, so a gap over 120 px separates cells.
 */
class CellLayoutTest {

  @Test
  void aValueEndsAtItsCellAndDoesNotTakeTheNextColumn() {
    Recognition r = certificate(laidOut(
        new Object[] {100, 100, "所在地", 240, "東京都架空区桜町1丁目2番3号", 1500, "下記のとおり相違ありません"},
        new Object[] {160, 100, "本人氏名", 400, "佐藤花子", 1500, "ご確認ください"}));
    assertThat(r.value("employerAddress")).isEqualTo("東京都架空区桜町1丁目2番3号");
    // the label's cell holds only the label: the value is the next cell, and only that cell
    assertThat(r.value("employeeName")).isEqualTo("佐藤花子");
  }

  @Test
  void aLabelWithAValueInItsOwnCellKeepsIt() {
    // no wide gap between label and value: one cell, read as before
    Recognition r = certificate(laidOut(new Object[] {100, 100, "電話番号", 280, "03-0123-4567"}));
    assertThat(r.value("employerPhone")).isEqualTo("03-0123-4567");
  }

  @Test
  void recipientAndIssuerOfATwoColumnHeadAreReadFromTheirCells() {
    Recognition r = invoice(laidOut(
        new Object[] {100, 100, "〒175-3091"},
        new Object[] {150, 100, "東京都見本区東雲1丁目23番7号", 1400, "東雲食品株式会社"},
        new Object[] {200, 100, "仮想市長", 300, "御中", 1400, "東京都仮想市中央8丁目26番4号"},
        new Object[] {250, 1400, "TEL:03-0432-6952"},
        new Object[] {300, 100, "件名物品購入代金", 1400, "インボイス登録番号:T1180301018771"}));
    assertThat(r.value("recipientName")).isEqualTo("仮想市長");
    assertThat(r.value("issuerName")).isEqualTo("東雲食品株式会社");
    // heading the column that holds the registration number: the issuer's block, not a guess
    assertThat(r.confidence("issuerName")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
    assertThat(r.fields().get("issuerName").reason()).contains("登録番号と同じ欄");
    assertThat(r.value("registrationNumber")).isEqualTo("T1180301018771");
  }

  @Test
  void aCompanyNameNotHeadingTheRegistrationColumnStaysAGuess() {
    // the registration number stands in the other column: the name is taken, but flagged
    Recognition r = invoice(laidOut(
        new Object[] {150, 100, "東雲食品株式会社", 1400, "東京都見本区東雲1丁目23番7号"},
        new Object[] {200, 1400, "TEL:03-0432-6952"},
        new Object[] {250, 1400, "登録番号:T1180301018771"}));
    assertThat(r.value("issuerName")).isEqualTo("東雲食品株式会社");
    assertThat(r.confidence("issuerName")).isLessThan(Recognition.VERIFY_BELOW);
  }

  @Test
  void anAddressedNameGluedToTheNextColumnWithoutAGapIsNoRecipient() {
    // without boxes (the command line's text) there are no cells: the honorific must end the line, as before
    Recognition r = invoice(page("仮想市長 御中 東京都仮想市中央8丁目26番4号"));
    assertThat(r.fields().get("recipientName").isMissing()).isTrue();
  }

  @Test
  void aRateRowWhoseRateLabelIsMisreadByOneCharacterStillGivesItsTax() {
    // 「標準税率10%対象」 read as 「床準税率10%対象」 (HELD_OUT_3, tuning): its 消費税 was not taken as the 10 % tax
    Recognition r = invoice(page("床準税率10%対象 314,700円 消費税 \\31,470", "軽減税率8%対象 \\0 消費税 \\0",
        "合計 346,170円"));
    assertThat(r.value("subtotal10")).isEqualTo("314700");
    assertThat(r.value("tax10")).isEqualTo("31470");
    assertThat(r.fields().get("tax10").derived()).as("read, not computed").isFalse();
  }

  @Test
  void aQualifierInTheLabelsCellDoesNotHideTheValueInTheNextCell() {
    // 「就労時間（固定就労の場合）」 in the label column of HELD_OUT_2 (tuning); 「消費税(10め)」 a misread rate
    Recognition r = certificate(laidOut(new Object[] {100, 100, "就労時間(固定就労の場合)", 1000,
        "1週あたり16時間1か月あたり68時間"}));
    assertThat(r.value("workHoursPerWeek")).isEqualTo("16");
    assertThat(r.value("workHoursPerMonth")).isEqualTo("68");
    Recognition invoice = invoice(laidOut(new Object[] {100, 1200, "消費税(10め)", 2000, "¥12,920"}));
    assertThat(invoice.value("tax10")).isEqualTo("12920");
  }

  @Test
  void aStrayNumberInARateRowDoesNotTakeTheTaxsPlace() {
    // 「\\202,800」 read as 「\\202,8009」 (HELD_OUT_3, tuning): the 9 stood as the 10 % tax
    Recognition r = invoice(page("標準税率10%対象 \\202,8009消費税 \\20,280", "軽減税率8%対象 \\5,400 消費税 432円",
        "合計 228,912円"));
    assertThat(r.value("tax10")).isEqualTo("20280");
    assertThat(r.value("subtotal10")).isEqualTo("202800");
    assertThat(r.confidence("total")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
  }
}
