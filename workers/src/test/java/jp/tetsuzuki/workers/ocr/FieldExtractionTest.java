package jp.tetsuzuki.workers.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Extraction and validation on OCR lines (no Tesseract needed): the rules that decide confidence. */
class FieldExtractionTest {

  private static OcrPage page(String... lines) {
    return new OcrPage(1, Arrays.stream(lines).map(l -> new OcrLine(Arrays.stream(l.split(" "))
        .map(w -> new OcrWord(w, 95, 0, 0, 0, 0)).toList())).toList());
  }

  @Test
  void certificateFieldsAreNormalised() {
    Recognition r = new EmploymentCertificateReader(null).extract(List.of(page(
        "証明日 令和7年4月1日", "事業所名 株式会社 架空商事", "所在地 東京都架空区桜町1丁目2番3号", "電話番号 03-0123-4567",
        "本人氏名 佐藤 花子", "フリガナ サトウ ハナコ", "生年月日 平成2年5月10日", "雇用の形態 パート・アルパイト",
        "雇用期間 無期 R3.4.1 から", "就労日数 1か月 ２０日", "就労時間 1週 30時間 ／ 1か月 130時間")));

    assertThat(r.value("certificationDate")).isEqualTo("2025-04-01");
    assertThat(r.value("employerName")).isEqualTo("株式会社架空商事");
    assertThat(r.value("employeeName")).isEqualTo("佐藤花子");
    assertThat(r.value("employeeNameKana")).isEqualTo("サトウハナコ");
    assertThat(r.value("employeeBirthDate")).isEqualTo("1990-05-10");
    assertThat(r.value("employmentType")).isEqualTo("パート・アルバイト"); // snapped despite the misread パ
    assertThat(r.confidence("employmentType")).isLessThan(r.confidence("employeeName"));
    assertThat(r.value("employmentStart")).isEqualTo("2021-04-01");
    assertThat(r.value("workDaysPerMonth")).isEqualTo("20");
    assertThat(r.value("workHoursPerWeek")).isEqualTo("30");
    assertThat(r.value("workHoursPerMonth")).isEqualTo("130");
    assertThat(r.value("employerPhone")).isEqualTo("03-0123-4567");
    assertThat(r.confidence("employerPhone")).isEqualTo(0.95);
  }

  @Test
  void invoiceArithmeticAndCheckDigitDecideConfidence() {
    InvoiceReader reader = new InvoiceReader(null);
    Recognition good = reader.extract(List.of(page("請求日 R7.5.31", "請求先 架空市長 様", "発行者 株式会社架空システム",
        "登録番号 T1180301018771", "10%対象 小計 ¥302,600", "10%対象 消費税 ¥30,260", "8%対象 小計 28,200円",
        "8%対象 消費税 2,256円", "合計金額 ¥363,316")));
    assertThat(good.value("issueDate")).isEqualTo("2025-05-31");
    assertThat(good.value("recipientName")).isEqualTo("架空市長");
    assertThat(good.value("total")).isEqualTo("363316");
    assertThat(good.needsVerification()).isFalse();

    Recognition bad = reader.extract(List.of(page("請求日 R7.5.31", "請求先 架空市長 様", "発行者 株式会社架空システム",
        "登録番号 T1180301018772", "10%対象 小計 ¥302,600", "10%対象 消費税 ¥30,860", "8%対象 小計 28,200円",
        "8%対象 消費税 2,256円", "合計金額 ¥363,316")));
    assertThat(bad.confidence("registrationNumber")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(bad.confidence("tax10")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(bad.confidence("total")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(bad.fields().get("tax10").reason()).contains("消費税額（10%）が対象額×10%と一致しません");
    assertThat(bad.fields().get("total").reason()).contains("合計金額が小計と消費税の和");
    assertThat(bad.fields().get("registrationNumber").reason()).contains("チェックデジット");
    // the 10% pair is broken, so the sum cannot tell which amount is wrong: all of them go to verification
    assertThat(bad.confidence("tax8")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(bad.needsVerification()).isTrue();
    assertThat(bad.toJson()).startsWith("{\"fields\":{\"registrationNumber\":{\"value\":\"T1180301018772\"");
  }

  @Test
  void specksBeforeLabelsAndValuesAndAMisreadUnitDoNotLoseTheField() {
    Recognition r = new EmploymentCertificateReader(null).extract(List.of(page(
        "事業所名 。株式会社 東雲食品", "電話番号 「03-0863-2851", "_フリガナ _」コバヤシ マユミ", "就労日数 1か月 18昌'",
        "生年月日 昭和61年12月22日")));
    assertThat(r.value("employerName")).isEqualTo("株式会社東雲食品");
    assertThat(r.value("employerPhone")).isEqualTo("03-0863-2851");
    assertThat(r.value("employeeNameKana")).isEqualTo("コバヤシマユミ");
    assertThat(r.value("workDaysPerMonth")).isEqualTo("18");
    assertThat(r.confidence("workDaysPerMonth")).isLessThan(0.95 * 0.8);
    assertThat(r.value("employeeBirthDate")).isEqualTo("1986-12-22");

    Recognition invoice = new InvoiceReader(null).extract(List.of(page("8%対象 肖費税 5,264円", "_8%対象 小計 ¥65,800")));
    assertThat(invoice.value("tax8")).isEqualTo("5264");
    assertThat(invoice.confidence("tax8")).as("a loose label costs confidence")
        .isLessThan(invoice.confidence("subtotal8"));
    assertThat(invoice.value("subtotal8")).isEqualTo("65800");
  }

  @Test
  void amountsKeepTheirThousandsWhenTheCommaIsReadAsCommaAndPeriodAndLabelsLoseTheirPercentSign() {
    Recognition r = new InvoiceReader(null).extract(List.of(page("8対象小語 \\13,.800", "8対象消費税 1,104円",
        "合計金額 421,.496円")));
    assertThat(r.value("subtotal8")).isEqualTo("13800");
    assertThat(r.value("tax8")).isEqualTo("1104");
    assertThat(r.value("total")).isEqualTo("421496");
  }
}
