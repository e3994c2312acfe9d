package jp.tetsuzuki.processes.childcare.allocation.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.tetsuzuki.processes.childcare.allocation.AllocationEngine;
import jp.tetsuzuki.processes.childcare.allocation.AllocationResult;
import jp.tetsuzuki.processes.childcare.allocation.Applicant;
import jp.tetsuzuki.processes.childcare.allocation.SiblingPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ChilmAI files in and out: encodings, column variants, and errors that name file, line and column. */
class ChilmaiCsvTest {

  static final String FACILITIES = "保育所ID,保育所名,0歳募集人数,1歳募集人数,2歳募集人数,3歳募集人数,4歳募集人数,5歳募集人数\n"
      + "10,さくら保育園,0,0,0,1,0,0\n20,ひまわり保育園,0,0,0,1,0,0\n30,つばき保育園,0,0,0,3,0,0\n";
  static final String APPLICANTS = "申請者番号,世帯番号,年齢,点数1,点数2,希望保育園ID_1,希望保育園ID_2,在籍保育所ID,きょうだいパターン\n"
      + "101,1001,3,100,100,10,20,,\n102,1002,3,80,80,10,30,20,\n103,1003,3,70,70,20,30,,\n"
      + "104,1004,3,60,60,20,30,,1\n105,1004,3,60,60,20,30,,1\n";

  private static ChilmaiCsv.Imported read(String applicants, String facilities) {
    return ChilmaiCsv.read(applicants, facilities, 1000, 100);
  }

  /**
   * The very files of ChilmAI as shipped in {@code src/test/resources/childcare/chilmai/} (copied from
   * shared/data/chilmai, Apache-2.0, NOTICE.md beside them; the README's allocation-run commands use them).
   */
  @Test
  void theShippedSampleFilesAreTheInlinedOnes() throws IOException {
    String a = CsvText.decode(sample("applicants-sample.csv"), null, CsvPart.APPLICANTS);
    String f = CsvText.decode(sample("facilities-sample.csv"), null, CsvPart.FACILITIES);
    assertThat(a.replace("\r\n", "\n")).isEqualTo(APPLICANTS);
    assertThat(f.replace("\r\n", "\n")).isEqualTo(FACILITIES);
  }

  private static byte[] sample(String name) throws IOException {
    try (var in = ChilmaiCsvTest.class.getResourceAsStream("/childcare/chilmai/" + name)) {
      assertThat(in).as(name + " shipped in the repository").isNotNull();
      return in.readAllBytes();
    }
  }

  /** Review F7: more than 20 numbered preferences (or scores) is refused at the header, naming the column. */
  @Test
  void moreThanTwentyPreferencesAreRefusedAtTheHeader() {
    String header = "申請者番号,世帯番号,年齢,点数1,希望保育園ID_1,希望保育園ID_2,希望保育園ID_21\n";
    assertThatThrownBy(() -> read(header + "101,1001,3,10,10,20,30\n", FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          assertThat(e.problems()).extracting(CsvProblem::code).containsExactly("TOO_MANY_PREFERENCES");
          assertThat(e.problems().get(0).column()).isEqualTo("希望保育園ID_21");
        });
    assertThatThrownBy(() -> read("child_id,household_id,age,score_99,pref_1\n101,1001,3,10,10\n", FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems().get(0).column())
            .isEqualTo("score_99"));
    StringBuilder twenty = new StringBuilder("申請者番号,年齢");
    StringBuilder row = new StringBuilder("101,3");
    for (int i = 1; i <= 20; i++) {
      twenty.append(",希望").append(i);
      row.append(',').append(i <= 3 ? String.valueOf(i * 10) : "");
    }
    assertThat(read(twenty + "\n" + row + "\n", FACILITIES).request().applicants().get(0).preferences()).hasSize(3);
  }

  /** Review F8: a cell of result.csv that a spreadsheet would run is written with a leading quote. */
  @Test
  void formulaCellsOfTheResultFileGetALeadingQuote() {
    String facilities = FACILITIES.replace("10,さくら保育園", "10,\"=HYPERLINK(\"\"http://evil.example\"\")\"");
    ChilmaiCsv.Imported imported = read(APPLICANTS.replace("101,1001", "101,@SUM(A1)"), facilities);
    String csv = ChilmaiCsv.result(imported, new AllocationEngine().allocate(imported.request()));
    assertThat(csv).contains("101,'@SUM(A1),3,100,100,10,20,,,10,\"'=HYPERLINK(\"\"http://evil.example\"\")\"\r\n");
  }

  @Test
  void theSampleIsReadAndTheResultFileAddsTheResultColumns() {
    ChilmaiCsv.Imported imported = read(APPLICANTS, FACILITIES);
    assertThat(imported.request().facilities()).hasSize(3);
    Applicant transfer = imported.request().applicants().get(1);
    assertThat(transfer.id()).isEqualTo("102");
    assertThat(transfer.currentFacilityId()).isEqualTo("20");
    assertThat(transfer.classAge()).isEqualTo(3);
    assertThat(imported.request().applicants().get(3).siblingPattern())
        .isEqualTo(SiblingPattern.SAME_FACILITY_TOGETHER);

    AllocationResult result = new AllocationEngine().allocate(imported.request());
    String csv = ChilmaiCsv.result(imported, result);
    // the worked-out result of AllocationEngineTest.theChilmaiSampleAsWorkedOutByHand
    assertThat(csv.split("\r\n")).containsExactly(
        "申請者番号,世帯番号,年齢,点数1,点数2,希望保育園ID_1,希望保育園ID_2,在籍保育所ID,きょうだいパターン,入所選考結果保育所ID,入所選考結果保育所名",
        "101,1001,3,100,100,10,20,,,10,さくら保育園",
        "102,1002,3,80,80,10,30,20,,30,つばき保育園",
        "103,1003,3,70,70,20,30,,,20,ひまわり保育園",
        "104,1004,3,60,60,20,30,,1,30,つばき保育園",
        "105,1004,3,60,60,20,30,,1,30,つばき保育園");
  }

  @Test
  void windows31jWithFullWidthHeadersAndVariantNamesIsRead() {
    String applicants = "児童ＩＤ,世帯ID,年齢,スコア１,希望1,希望2\r\n1,h1,3,55,10,30\r\n";
    byte[] sjis = applicants.getBytes(CsvText.WINDOWS_31J);
    String text = CsvText.decode(sjis, null, CsvPart.APPLICANTS);
    ChilmaiCsv.Imported imported = read(text, FACILITIES);
    Applicant a = imported.request().applicants().get(0);
    assertThat(a.id()).isEqualTo("1");
    assertThat(a.householdId()).isEqualTo("h1");
    // only スコア1: that score counts at every preference
    assertThat(a.preferences()).extracting(p -> p.facilityId() + ":" + p.score()).containsExactly("10:55.0", "30:55.0");
  }

  @Test
  void theEnglishColumnSetIsRead() {
    String facilities = "daycare_id,daycare_name,capacity_age0,capacity_age1,capacity_age2,capacity_age3,"
        + "capacity_age4,capacity_age5\n10,A,0,0,0,1,0,0\n20,B,0,0,0,1,0,0\n";
    String applicants = "child_id,household_id,age,score_1,score_2,pref_1,pref_2,enrolled_daycare_id,sibling_pattern\n"
        + "7,77,3,10,20,10,20,,\n";
    ChilmaiCsv.Imported imported = read(applicants, facilities);
    assertThat(imported.request().applicants().get(0).preferences())
        .extracting(p -> p.facilityId() + ":" + p.score()).containsExactly("10:10.0", "20:20.0");
  }

  @Test
  void utf8WithBomAndQuotedCellsIsRead() {
    byte[] body = ("\uFEFF" + APPLICANTS.replace("104,1004", "\"104\",\"1004\"")).getBytes(StandardCharsets.UTF_8);
    String text = CsvText.decode(body, null, CsvPart.APPLICANTS);
    assertThat(read(text, FACILITIES).request().applicants()).extracting(Applicant::id).contains("104");
  }

  @Test
  void bytesNeitherUtf8NorWindows31jAreRefusedWithTheirLine() {
    byte[] bad = "申請者番号,年齢\n1,3\n".getBytes(StandardCharsets.UTF_8);
    byte[] broken = new byte[bad.length + 2];
    System.arraycopy(bad, 0, broken, 0, bad.length);
    broken[bad.length] = (byte) 0x81; // a lead byte of windows-31j without its trail, and no UTF-8 either
    broken[bad.length + 1] = (byte) 0x7f;
    assertThatThrownBy(() -> CsvText.decode(broken, null, CsvPart.APPLICANTS))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          assertThat(e.problems().get(0).code()).isEqualTo("UNDECODABLE");
          assertThat(e.problems().get(0).line()).isEqualTo(3);
          assertThat(e.problems().get(0).messageJa()).contains("3行目");
        });
    // asked for UTF-8 explicitly: Shift_JIS bytes are refused, not guessed
    assertThatThrownBy(() -> CsvText.decode("年齢".getBytes(CsvText.WINDOWS_31J), "UTF-8", CsvPart.APPLICANTS))
        .isInstanceOf(CsvFormatException.class);
  }

  @Test
  void shiftJisMeansMicrosoftsCodePage() {
    assertThat(CsvText.charsetNamed("Shift_JIS")).isEqualTo(CsvText.WINDOWS_31J);
    assertThat(CsvText.charsetNamed("CP932")).isEqualTo(CsvText.WINDOWS_31J);
    // 0x8160 is the full-width tilde (U+FF5E) in windows-31j, not the wave dash of JIS
    assertThat(CsvText.decode(new byte[] {(byte) 0x81, 0x60}, "windows-31j", CsvPart.APPLICANTS)).isEqualTo("～");
    assertThat(CsvText.encode("〜①", CsvText.WINDOWS_31J)).containsExactly(0x81, 0x60, 0x87, 0x40);
    assertThatThrownBy(() -> CsvText.encode("a\n\uD83D\uDE00", CsvText.WINDOWS_31J))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems().get(0).line()).isEqualTo(2));
    // the yen sign would be written as a backslash and read back as one: refused, not silently changed
    assertThatThrownBy(() -> CsvText.encode("a\nb\n保育料¥0", CsvText.WINDOWS_31J))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          assertThat(e.problems().get(0).line()).isEqualTo(3);
          assertThat(e.problems().get(0).message()).contains("U+00A5");
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown facility|101,1001,3,100,100,10,99,,|UNKNOWN_FACILITY|2|希望保育園ID_2",
      "unknown current facility|101,1001,3,100,100,10,20,77,|UNKNOWN_FACILITY|2|在籍保育所ID",
      "bad age|101,1001,6,100,100,10,20,,|BAD_AGE|2|年齢",
      "age not a number|101,1001,三,100,100,10,20,,|BAD_AGE|2|年齢",
      "bad score|101,1001,3,abc,100,10,20,,|BAD_SCORE|2|点数1",
      "bad pattern|101,1001,3,100,100,10,20,,8|BAD_SIBLING_PATTERN|2|きょうだいパターン",
      "preference gap|101,1001,3,100,100,,20,,|PREFERENCE_GAP|2|希望保育園ID_2",
      "duplicate preference|101,1001,3,100,100,10,10,,|DUPLICATE_PREFERENCE|2|希望保育園ID_2",
      "missing id|,1001,3,100,100,10,20,,|VALUE_MISSING|2|申請者番号"})
  void aBadApplicantRowIsNamedByLineAndColumn(String name, String row, String code, int line, String column) {
    String applicants = APPLICANTS.substring(0, APPLICANTS.indexOf('\n') + 1) + row + "\n";
    assertThatThrownBy(() -> read(applicants, FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          CsvProblem p = e.problems().get(0);
          assertThat(p.code()).isEqualTo(code);
          assertThat(p.line()).isEqualTo(line);
          assertThat(p.column()).isEqualTo(column);
          assertThat(p.part()).isEqualTo(CsvPart.APPLICANTS);
          assertThat(p.messageJa()).contains(line + "行目").contains(column);
        });
  }

  @Test
  void duplicateIdsAndInconsistentSiblingPatternsAreNamed() {
    String applicants = APPLICANTS + "101,1005,3,1,1,10,20,,\n" + "106,1004,3,60,60,20,30,,2\n";
    assertThatThrownBy(() -> read(applicants, FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems())
            .extracting(p -> p.code() + "@" + p.line() + ":" + p.column()).containsExactly(
                "DUPLICATE_ID@7:申請者番号", "INCONSISTENT_SIBLING_PATTERN@8:きょうだいパターン"));
    String facilities = FACILITIES + "10,もう一つ,0,0,0,1,0,0\n20,x,0,0,0,-1,0,0\n";
    assertThatThrownBy(() -> read(APPLICANTS, facilities))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems())
            .extracting(p -> p.part() + ":" + p.code() + "@" + p.line()).containsExactly(
                "FACILITIES:DUPLICATE_ID@5", "FACILITIES:DUPLICATE_ID@6"));
    assertThatThrownBy(() -> read(APPLICANTS, FACILITIES.replace("10,さくら保育園,0,0,0,1", "10,さくら保育園,0,0,0,x")))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems())
            .extracting(p -> p.code() + "@" + p.line() + ":" + p.column()).containsExactly("BAD_PLACES@2:3歳募集人数"));
  }

  @Test
  void missingColumnsAndTooManyRowsAreRefused() {
    assertThatThrownBy(() -> read("申請者番号,希望1\n1,10\n", FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems().get(0).column())
            .isEqualTo("年齢"));
    assertThatThrownBy(() -> ChilmaiCsv.read(APPLICANTS, FACILITIES, 2, 100))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems().get(0).code())
            .isEqualTo("TOO_MANY_ROWS"));
  }

  @Test
  void recordsKeepTheirFileLineAcrossQuotedLineBreaks() {
    List<CsvText.Row> rows = CsvText.parse("a,b\r\n\"x\r\ny\",2\r\n\r\nlast,\"q\"\"uote\"", CsvPart.APPLICANTS, 10);
    assertThat(rows).extracting(CsvText.Row::line).containsExactly(1, 2, 5);
    assertThat(rows.get(1).cells()).containsExactly("x\r\ny", "2");
    assertThat(rows.get(2).cells()).containsExactly("last", "q\"uote");
  }
  /**
   * Review C6, as the attack: a header of 8,000,000 empty columns (8 MB, under the file bound) took 12 s to read and
   * its result file 28 s to write; it is refused at its 201st column, naming line and column, in well under a second.
   */
  @Test
  void aHeaderOfEightMillionEmptyColumnsIsRefusedAtColumn201() {
    String header = "申請者番号,世帯番号,年齢,点数1,希望保育園ID_1" + ",".repeat(8_000_000 - 5) + "\n";
    long started = System.nanoTime();
    assertThatThrownBy(() -> read(header + "1,1,3,10,10\n", FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          CsvProblem p = e.problems().get(0);
          assertThat(p.code()).isEqualTo("TOO_MANY_COLUMNS");
          assertThat(p.part()).isEqualTo(CsvPart.APPLICANTS);
          assertThat(p.line()).isEqualTo(1);
          assertThat(p.messageJa()).contains("申請者ファイル 1行目").contains("201列目").contains("200列まで");
        });
    assertThat((System.nanoTime() - started) / 1_000_000).as("ms to refuse").isLessThan(2_000);
    // a data row, and the facilities file, are bounded alike
    String wideRow = APPLICANTS + "106,1006,3,1,1,10,20,,," + ",".repeat(300) + "\n";
    assertThatThrownBy(() -> read(wideRow, FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems())
            .extracting(p -> p.code() + "@" + p.line()).containsExactly("TOO_MANY_COLUMNS@7"));
    assertThatThrownBy(() -> read(APPLICANTS, FACILITIES.replace("\n10,", ",".repeat(200) + "\n10,")))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems())
            .extracting(p -> p.part() + ":" + p.code() + "@" + p.line()).containsExactly("FACILITIES:TOO_MANY_COLUMNS@1"));
  }

  /** 200 columns are allowed, 201 are not (the bound counts empty columns too). */
  @Test
  void twoHundredColumnsAreTheBound() {
    String named = "申請者番号,世帯番号,年齢,点数1,希望保育園ID_1";
    String row = "1,1,3,10,10";
    assertThat(read(named + ",".repeat(195) + "\n" + row + "\n", FACILITIES).header()).hasSize(200);
    assertThatThrownBy(() -> read(named + ",".repeat(196) + "\n" + row + "\n", FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> assertThat(e.problems().get(0).code())
            .isEqualTo("TOO_MANY_COLUMNS"));
  }

  /**
   * Review C6 (amplification): every row was padded to the header's width, so a header of 100,000 commas made a
   * 105 KB file a 30 MB result. Empty header cells after the last name, and what stands under them, are left out.
   */
  @Test
  void theResultFileIsNotPaddedToEmptyHeaderColumns() {
    String header = APPLICANTS.substring(0, APPLICANTS.indexOf('\n'));
    String rows = APPLICANTS.substring(APPLICANTS.indexOf('\n') + 1).replace("101,1001,3,100,100,10,20,,\n",
        "101,1001,3,100,100,10,20,,,,,stray\n");
    ChilmaiCsv.Imported imported = read(header + ",".repeat(150) + "\n" + rows, FACILITIES);
    String csv = ChilmaiCsv.result(imported, new AllocationEngine().allocate(imported.request()));
    assertThat(csv.split("\r\n")).containsExactly(
        "申請者番号,世帯番号,年齢,点数1,点数2,希望保育園ID_1,希望保育園ID_2,在籍保育所ID,きょうだいパターン,入所選考結果保育所ID,入所選考結果保育所名",
        "101,1001,3,100,100,10,20,,,10,さくら保育園",
        "102,1002,3,80,80,10,30,20,,30,つばき保育園",
        "103,1003,3,70,70,20,30,,,20,ひまわり保育園",
        "104,1004,3,60,60,20,30,,1,30,つばき保育園",
        "105,1004,3,60,60,20,30,,1,30,つばき保育園");
    // a column without a name between named ones stays, with its cells
    ChilmaiCsv.Imported gap = read("申請者番号,,年齢,希望1\n1,x,0,10\n", FACILITIES);
    assertThat(ChilmaiCsv.result(gap, new AllocationEngine().allocate(gap.request())).split("\r\n"))
        .containsExactly("申請者番号,,年齢,希望1,入所選考結果保育所ID,入所選考結果保育所名", "1,x,0,10,,");
  }

  /**
   * Review C5: one 世帯番号 for 10 children per household (or thousands) multiplies the sibling search; an 11th
   * child of a household is refused naming its line and the household.
   */
  @Test
  void anEleventhChildOfOneHouseholdIsRefusedWithItsLine() {
    StringBuilder ten = new StringBuilder("申請者番号,世帯番号,年齢,希望1,きょうだいパターン\n");
    for (int i = 1; i <= 10; i++) {
      ten.append(i).append(",H1,").append(i % 6).append(",10,5\n");
    }
    assertThat(read(ten.toString(), FACILITIES).request().applicants()).hasSize(10);
    String eleven = ten + "11,H1,3,10,5\n12,H1,3,10,5\n13,H2,3,10,5\n";
    assertThatThrownBy(() -> read(eleven, FACILITIES))
        .isInstanceOfSatisfying(CsvFormatException.class, e -> {
          assertThat(e.problems()).extracting(p -> p.code() + "@" + p.line() + ":" + p.column())
              .containsExactly("TOO_MANY_HOUSEHOLD_CHILDREN@12:世帯番号");
          assertThat(e.problems().get(0).messageJa()).contains("12行目").contains("H1").contains("10人まで");
        });
  }
}
