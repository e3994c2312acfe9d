package jp.tetsuzuki.workers.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per family of label wordings (issue 10): the labels of the national standard 就労証明書 and of common
 * invoice layouts, written as employers and accounting packages write them and as OCR reads them (full width,
 * spacing, ヶ/カ/ケ, one misread character), and the layouts they stand in (value right of, below, in a grid cell).
 */
class LabelVariantTest {

  static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T03:00:00Z"), ZoneId.of("Asia/Tokyo"));

  /** Lines without boxes, as the command line's text: words split at spaces. */
  static OcrPage page(String... lines) {
    return new OcrPage(1, Arrays.stream(lines).map(l -> new OcrLine(Arrays.stream(l.split(" "))
        .map(w -> new OcrWord(w, 95, 0, 0, 0, 0)).toList())).toList());
  }

  /** A page drawn from positioned words: each row is {top, left, text, left, text, …}; 40 px a character. */
  static OcrPage laidOut(Object[]... rows) {
    List<OcrLine> lines = new ArrayList<>();
    for (Object[] row : rows) {
      int top = (int) row[0];
      List<OcrWord> words = new ArrayList<>();
      for (int i = 1; i < row.length; i += 2) {
        String text = (String) row[i + 1];
        words.add(new OcrWord(text, 95, (int) row[i], top, 40 * text.length(), 40));
      }
      lines.add(new OcrLine(words));
    }
    return new OcrPage(1, lines);
  }

  static Recognition certificate(OcrPage page) {
    return new EmploymentCertificateReader(null, TODAY).extract(List.of(page));
  }

  static Recognition invoice(OcrPage page) {
    return new InvoiceReader(null, TODAY).extract(List.of(page));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "1か月の就労日数 20日;20", "１ヶ月の就労日数 ２０日;20", "1カ月あたりの就労日数：20日;20", "月間就労日数 20日;20",
      "就労日数（1か月） 20;20", "1か月の勤務日数 20日;20", "就労日数 1か月 20日;20", "月間出勤日数 20 日;20"})
  void workDaysUnderEveryWording(String line, String days) {
    assertThat(certificate(page(line)).value("workDaysPerMonth")).isEqualTo(days);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "1週間の就労時間 30時間;1か月の就労時間 130時間",
      "週所定労働時間 30時間;月間就労時間 130時間",
      "1週あたりの就労時間：３０時間;1ヶ月あたりの就労時間：１３０時間",
      "就労時間（1週） 30時間;就労時間（1か月） 130時間",
      "1週の合計時間 30時間;1か月の合計時間 130時間",
      "就労時間 1週 30時間 ／ 1か月 130時間;備考 なし"})
  void workHoursUnderEveryWording(String weekLine, String monthLine) {
    Recognition r = certificate(page(weekLine, monthLine));
    assertThat(r.value("workHoursPerWeek")).isEqualTo("30");
    assertThat(r.value("workHoursPerMonth")).isEqualTo("130");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"証明日 令和7年4月1日", "証明年月日：R7.4.1", "記入日 2025年4月1日",
      "証 明 日 令和７年４月１日"})
  void certificationDateUnderEveryWording(String line) {
    assertThat(certificate(page(line)).value("certificationDate")).isEqualTo("2025-04-01");
  }

  @Test
  void employerAndEmployeeWordingsAndARepresentativeIsNotTheEmployee() {
    Recognition r = certificate(page("事業所の名称 株式会社 架空商事", "代表者氏名 代表取締役 山田 太郎", "事業所所在地 東京都架空区桜町1丁目2番3号",
        "電話 03-0123-4567", "氏名 佐藤 花子", "ふりがな サトウ ハナコ", "雇用形態 正社員", "採用年月日 平成24年4月1日",
        "生年月日 平成2年5月10日"));
    assertThat(r.value("employerName")).isEqualTo("株式会社架空商事");
    assertThat(r.value("employeeName")).isEqualTo("佐藤花子");
    assertThat(r.value("employerAddress")).isEqualTo("東京都架空区桜町1丁目2番3号");
    assertThat(r.value("employerPhone")).isEqualTo("03-0123-4567");
    assertThat(r.value("employeeNameKana")).isEqualTo("サトウハナコ");
    assertThat(r.value("employmentType")).isEqualTo("正社員");
    assertThat(r.value("employmentStart")).isEqualTo("2012-04-01");
  }

  @Test
  void twoLabelValuePairsOnOneLineEndAtTheNextLabel() {
    Recognition r = certificate(page("氏名：佐藤 花子 フリガナ：サトウ ハナコ", "生年月日：平成2年5月10日 雇用形態：正社員",
        "月間就労日数：20日 1週あたりの就労時間：30時間"));
    assertThat(r.value("employeeName")).isEqualTo("佐藤花子");
    assertThat(r.value("employeeNameKana")).isEqualTo("サトウハナコ");
    assertThat(r.value("employeeBirthDate")).isEqualTo("1990-05-10");
    assertThat(r.value("employmentType")).isEqualTo("正社員");
    assertThat(r.value("workDaysPerMonth")).isEqualTo("20");
    assertThat(r.value("workHoursPerWeek")).isEqualTo("30");
  }

  @Test
  void valueBelowItsLabelAndCellsUnderAHeaderRow() {
    Recognition r = certificate(laidOut(
        new Object[] {100, 100, "証明年月日"},
        new Object[] {150, 140, "令和7年4月1日"},
        new Object[] {300, 100, "本人氏名", 900, "フリガナ", 1700, "生年月日"},
        new Object[] {350, 100, "佐藤", 200, "花子", 900, "サトウ", 1060, "ハナコ", 1700, "平成2年5月10日"},
        new Object[] {500, 100, "就労日数（1か月）", 900, "就労時間（1週）", 1700, "就労時間（1か月）"},
        new Object[] {550, 100, "20日", 900, "30時間", 1700, "130時間"}));
    assertThat(r.value("certificationDate")).isEqualTo("2025-04-01");
    assertThat(r.value("employeeName")).isEqualTo("佐藤花子");
    assertThat(r.value("employeeNameKana")).isEqualTo("サトウハナコ");
    assertThat(r.value("employeeBirthDate")).isEqualTo("1990-05-10");
    assertThat(r.value("workDaysPerMonth")).isEqualTo("20");
    assertThat(r.value("workHoursPerWeek")).isEqualTo("30");
    assertThat(r.value("workHoursPerMonth")).isEqualTo("130");
  }

  @Test
  void aHeaderRowWithoutBoxesTakesTheNextLinesWordsInOrder() {
    Recognition r = certificate(page("就労日数（1か月） 就労時間（1週） 就労時間（1か月）", "20日 30時間 130時間"));
    assertThat(r.value("workDaysPerMonth")).isEqualTo("20");
    assertThat(r.value("workHoursPerWeek")).isEqualTo("30");
    assertThat(r.value("workHoursPerMonth")).isEqualTo("130");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"請求先 架空市長 様", "宛先 架空市長 様", "宛名：架空市長 殿", "架空市長 御中",
      "架空市長 殿", "お客様 架空市長 様"})
  void recipientUnderEveryWordingOrByItsHonorific(String line) {
    assertThat(invoice(page("請求書", line, "請求日 R7.5.31")).value("recipientName")).isEqualTo("架空市長");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = ';', value = {
      "10%対象 小計 ¥302,600;10%対象 消費税 ¥30,260",
      "小計(10%対象) ¥302,600;消費税(10%) ¥30,260",
      "10%対象 302,600円;消費税額(10%) 30,260円",
      "10%対象 ¥302,600 消費税額等 ¥30,260;備考 なし",
      "10%対象 ¥302,600 ¥30,260;備考 なし",
      "10%対象 ¥332,860 うち消費税 ¥30,260;備考 なし",
      "税抜金額(10%) 302,600円;10%対象消費税額 30,260円"})
  void taxPerRateUnderEveryWording(String subtotalLine, String taxLine) {
    Recognition r = invoice(page(subtotalLine, taxLine, "8%対象 小計 ¥28,200", "8%対象 消費税 ¥2,256",
        "合計 ¥363,316"));
    assertThat(r.value("subtotal10")).isEqualTo("302600");
    assertThat(r.value("tax10")).isEqualTo("30260");
    assertThat(r.confidence("tax10")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"合計 ¥363,316", "ご請求金額 ¥363,316－", "請求金額合計 363,316円（うち消費税 32,516円）",
      "税込合計 ￥３６３，３１６", "合計金額(税込) 363,316円", "今回ご請求額 363,316円"})
  void totalUnderEveryWording(String line) {
    Recognition r = invoice(page("10%対象 小計 ¥302,600", "10%対象 消費税 ¥30,260", "8%対象 小計 ¥28,200",
        "8%対象 消費税 ¥2,256", line));
    assertThat(r.value("total")).isEqualTo("363316");
    assertThat(r.confidence("total")).isGreaterThanOrEqualTo(Recognition.VERIFY_BELOW);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"登録番号 T1180301018771", "適格請求書発行事業者登録番号：T1180301018771",
      "登録番号 Ｔ１１８０ ３０１０ １８７７１", "インボイス登録番号 T1180301018771", "株式会社架空システム T1180301018771"})
  void registrationNumberUnderEveryWordingOrWithoutLabel(String line) {
    assertThat(invoice(page(line)).value("registrationNumber")).isEqualTo("T1180301018771");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"発行者 株式会社架空システム", "請求元：株式会社架空システム", "発行元 株式会社架空システム"})
  void issuerUnderEveryWording(String line) {
    assertThat(invoice(page(line)).value("issuerName")).isEqualTo("株式会社架空システム");
  }

  @Test
  void issuerWithoutLabelIsTheCompanyAboveTheRegistrationNumber() {
    Recognition r = invoice(page("架空市長 御中", "株式会社架空システム", "登録番号：T1180301018771"));
    assertThat(r.value("issuerName")).isEqualTo("株式会社架空システム");
    assertThat(r.value("recipientName")).isEqualTo("架空市長");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"請求日 R7.5.31", "発行日：2025年5月31日", "請求年月日 令和7年5月31日",
      "日付 2025/05/31"})
  void issueDateUnderEveryWording(String line) {
    assertThat(invoice(page(line)).value("issueDate")).isEqualTo("2025-05-31");
  }

  @Test
  void aMisreadLabelInAHeaderRowIsNotTakenForTheValueOfItsNeighbour() {
    // 「ふりがな」 read as 「ぶりがな」: still a label (a cell's start), never the name
    Recognition r = certificate(laidOut(
        new Object[] {300, 100, "氏名", 1200, "ぶりがな"},
        new Object[] {350, 140, "中村", 240, "健太", 1240, "ナカムラ", 1440, "ケンタ"}));
    assertThat(r.value("employeeName")).isEqualTo("中村健太");
    assertThat(r.value("employeeNameKana")).isEqualTo("ナカムラケンタ");
  }

  @Test
  void aMisreadEraNameIsInferredFromTheYearAndFlagged() {
    Recognition r = invoice(page("請求日 偽和7年10月22日"));
    assertThat(r.value("issueDate")).isEqualTo("2025-10-22");
    assertThat(r.confidence("issueDate")).isLessThan(Recognition.VERIFY_BELOW);
    assertThat(r.fields().get("issueDate").reason()).contains("元号");
    assertThat(certificate(page("生年月日 照和54年4月6日")).value("employeeBirthDate")).isEqualTo("1979-04-06");
  }

  @Test
  void aRuleReadAsDashesAfterAValueIsNotPartOfIt() {
    Recognition r = certificate(page("本人氏名 渡辺誠ーー", "事業所名 東京センター"));
    assertThat(r.value("employeeName")).isEqualTo("渡辺誠");
    assertThat(r.value("employerName")).isEqualTo("東京センター");
  }

  @Test
  void aBlockNumberWhose丁IsReadAsABracketIsStillAnAddress() {
    Recognition r = certificate(page("所在地 東京都仮想市青葉台5」目22番20号"));
    assertThat(r.value("employerAddress")).isEqualTo("東京都仮想市青葉台5丁目22番20号");
    assertThat(certificate(page("所在地 東京都仮想市青葉台「5丁目22番20号")).confidence("employerAddress"))
        .isLessThan(Recognition.VERIFY_BELOW);
  }

  @Test
  void aSmallKanaWhereNoneCanStandIsTheFullSizeOne() {
    assertThat(certificate(page("フリガナ ョシダ キョウコ")).value("employeeNameKana")).isEqualTo("ヨシダキョウコ");
  }

  @Test
  void aLabelWithOneMisreadCharacterStillCountsButCostsConfidence() {
    Recognition exact = certificate(page("1か月の就労日数 20日"));
    Recognition misread = certificate(page("1か月の就労目教 20日"));
    assertThat(misread.value("workDaysPerMonth")).isEqualTo("20");
    assertThat(misread.confidence("workDaysPerMonth")).isLessThan(exact.confidence("workDaysPerMonth"));
  }
}
