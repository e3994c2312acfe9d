package jp.tetsuzuki.integrations.municipalcsv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Encoding detection, records at the byte level, values of a record, the report's encoding: plain Java, tables. */
class CsvReadingTest {

  private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  @TempDir Path folder;

  static Stream<Arguments> encodings() {
    byte[] utf8 = "tenantId,applicantName\r\ndemo-ku,区道〜工業\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    return Stream.of(
        Arguments.of("UTF-8 with BOM", bom, FileEncoding.UTF_8_BOM),
        Arguments.of("UTF-8 without BOM", utf8, FileEncoding.UTF_8),
        Arguments.of("ASCII only (valid UTF-8)", "a,b\r\n1,2\r\n".getBytes(StandardCharsets.US_ASCII),
            FileEncoding.UTF_8),
        Arguments.of("windows-31j", "tenantId,applicantName\r\ndemo-ku,髙橋～①\r\n".getBytes(WINDOWS_31J),
            FileEncoding.WINDOWS_31J),
        Arguments.of("windows-31j after 100 KB of ASCII (beyond one buffer)",
            ("x".repeat(100_000) + "\r\n漢字\r\n").getBytes(WINDOWS_31J), FileEncoding.WINDOWS_31J),
        Arguments.of("UTF-8 cut inside a character at the end", new byte[] {'a', (byte) 0xE5, (byte) 0x8C},
            FileEncoding.WINDOWS_31J),
        Arguments.of("empty", new byte[0], FileEncoding.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void theEncodingIsDetected(String name, byte[] content, FileEncoding expected) throws IOException {
    Path file = Files.write(folder.resolve("f.csv"), content);
    assertThat(FileEncoding.detect(file)).isEqualTo(expected);
  }

  @Test
  void windows31jDecodesTheWaveDashFamilyAsWindowsDoesAndRefusesBytesItDoesNotHave() {
    // 0x8160 ～, 0x817C －, 0x8161 ∥, 0x815C ―: the Windows forms, not U+301C, U+2212, U+2016, U+2014
    assertThat(FileEncoding.WINDOWS_31J.decodeStrictly(new byte[] {(byte) 0x81, 0x60, (byte) 0x81, 0x7C,
        (byte) 0x81, 0x61, (byte) 0x81, 0x5C})).contains("\uFF5E\uFF0D\u2225\u2015");
    assertThat(FileEncoding.WINDOWS_31J.decodeStrictly(new byte[] {'a', (byte) 0x85, 0x40})).isEmpty();
    assertThat(FileEncoding.WINDOWS_31J.decodeStrictly(new byte[] {(byte) 0x82})).isEmpty();
    assertThat(FileEncoding.WINDOWS_31J.decodeReplacing(new byte[] {'a', ',', (byte) 0x85, 0x40})).contains("\uFFFD");
  }

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of("LF", "a,b\nc,d\n", List.of("a,b@1", "c,d@2")),
        Arguments.of("CRLF and no final line end", "a,b\r\nc,d", List.of("a,b@1", "c,d@2")),
        Arguments.of("empty lines skipped, numbers kept", "a\r\n\r\n\r\nb\r\n", List.of("a@1", "b@4")),
        Arguments.of("a quoted value over two lines", "a,\"x\r\ny\"\r\nb\r\n", List.of("a,\"x\r\ny\"@1", "b@3")),
        Arguments.of("an unclosed quote takes the rest", "a,\"x\r\nb\r\n", List.of("a,\"x\r\nb\r\n@1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void recordsAreSplitAtLineEndsOutsideQuotes(String name, String text, List<String> expected) throws IOException {
    List<String> seen = new ArrayList<>();
    try (RawRecords records = new RawRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        1024)) {
      RawRecords.Raw raw;
      while ((raw = records.next()) != null) {
        seen.add(new String(raw.bytes(), StandardCharsets.UTF_8) + "@" + raw.line());
      }
    }
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void aRecordLongerThanTheLimitIsMarkedAndTheNextOneIsReadWhole() throws IOException {
    byte[] text = ("x".repeat(2000) + "\r\nnext\r\n").getBytes(StandardCharsets.US_ASCII);
    try (RawRecords records = new RawRecords(new ByteArrayInputStream(text), 1024)) {
      RawRecords.Raw first = records.next();
      assertThat(first.tooLong()).isTrue();
      assertThat(first.bytes()).hasSize(1024);
      RawRecords.Raw second = records.next();
      assertThat(new String(second.bytes(), StandardCharsets.US_ASCII)).isEqualTo("next");
      assertThat(second.line()).isEqualTo(2);
      assertThat(records.next()).isNull();
    }
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("a,b,c", List.of("a", "b", "c")),
        Arguments.of("a,,", List.of("a", "", "")),
        Arguments.of("\"山田, 花子\",x", List.of("山田, 花子", "x")),
        Arguments.of("\"say \"\"hi\"\"\",", List.of("say \"hi\"", "")),
        Arguments.of("\"a\r\nb\"", List.of("a\r\nb")),
        Arguments.of("mid\"quote,x", List.of("mid\"quote", "x")),
        Arguments.of("", List.of("")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("values")
  void valuesAreReadAsRfc4180Says(String record, List<String> expected) throws CsvFields.Malformed {
    assertThat(CsvFields.parse(record)).isEqualTo(expected);
  }

  @Test
  void malformedQuotingNamesTheValue() {
    assertThatThrownBy(() -> CsvFields.parse("a,\"open")).isInstanceOf(CsvFields.Malformed.class)
        .hasMessage("引用符（\"）が閉じられていません").satisfies(e -> assertThat(((CsvFields.Malformed) e).column)
            .isOne());
    assertThatThrownBy(() -> CsvFields.parse("a,b,\"x\"y")).isInstanceOf(CsvFields.Malformed.class)
        .satisfies(e -> assertThat(((CsvFields.Malformed) e).column).isEqualTo(2));
  }

  @Test
  void aRowBecomesAnApplicationAndARefusedFieldIsNamedByItsColumn() {
    var row = RowColumns.row(new java.util.LinkedHashMap<>(Map.of("procedureCode", "road-occupancy-permit",
        "tenantId", "demo-ku", "receivedOn", "", "applicantName", "区道工業", "corporateNumber", "5835678256246",
        "email", "", "externalId", "X-1", "applicantPhone", "03-0000-0000", "roadName", "区道1号", "occupancyFee", "")));
    assertThat(row.procedureCode()).isEqualTo("road-occupancy-permit");
    assertThat(row.receivedOn()).isNull();
    assertThat(row.applicant()).containsOnly(Map.entry("name", "区道工業"), Map.entry("corporateNumber",
        "5835678256246"), Map.entry("phone", "03-0000-0000"));
    assertThat(row.data()).containsOnly(Map.entry("roadName", "区道1号"));

    Map<String, String> columns = Map.of("applicant.name", "applicantName", "applicant", "applicantName",
        "applicant.email", "email", "applicant.corporateNumber", "corporateNumber", "applicant.address",
        "applicantAddress", "data.roadName", "roadName", "receivedOn", "receivedOn", "Idempotency-Key", "externalId",
        "tenantId", "tenantId", "data", "");
    columns.forEach((field, column) -> assertThat(RowColumns.column(field)).as(field).isEqualTo(column));
    assertThat(RowColumns.column(null)).isEmpty();
    assertThat(RowColumns.missing(List.of("procedureCode", "tenantId", "email"))).containsExactly("receivedOn",
        "applicantName", "corporateNumber", "externalId");
  }

  static Stream<Arguments> reportTexts() {
    return Stream.of(
        Arguments.of("1〜200文字", "1～200文字"),
        Arguments.of("−5 ‖ — ¢£¬", "－5 ∥ ― ￠￡￢"),
        Arguments.of("髙橋①", "髙橋①"),
        Arguments.of("emoji 😀 and 𠮷", "emoji U+1F600 and U+20BB7"),
        Arguments.of("한국어", "U+D55CU+AD6DU+C5B4"),
        Arguments.of("¥100 ‾", "U+00A5100 U+203E")); // the JDK would write look-alikes (0x5C, 0x7E)
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reportTexts")
  void theReportWritesWhatWindows31jCanHoldAndNamesWhatItCannot(String text, String expected) {
    String encodable = RejectionReport.encodable(text);
    assertThat(encodable).isEqualTo(expected);
    assertThat(new String(encodable.getBytes(WINDOWS_31J), WINDOWS_31J)).isEqualTo(expected);
  }

  @Test
  void theReportIsCsvWithAFormulaGuard() throws IOException {
    RejectionReport report = new RejectionReport(folder, FileEncoding.UTF_8);
    report.add(3, "applicantName", "=cmd|' /C calc'!A0", "理由に \"引用\" あり");
    Path published = report.publish(folder.resolve("x.csv.rejected.csv"));
    byte[] bytes = Files.readAllBytes(published);
    assertThat(bytes[0]).isEqualTo((byte) 0xEF);
    assertThat(new String(bytes, StandardCharsets.UTF_8).substring(1)).isEqualTo(RejectionReport.HEADER + "\r\n"
        + "3,\"applicantName\",\"'=cmd|' /C calc'!A0\",\"理由に \"\"引用\"\" あり\"\r\n");
    try (Stream<Path> left = Files.list(folder)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("x.csv.rejected.csv");
    }
  }
}
