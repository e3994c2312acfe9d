package jp.tetsuzuki.processes.contract.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accounting export (issue 11 and STACK.md "Found since": windows-31j, never Java's CP932; 〜 and friends mapped;
 * an unmappable character an error naming the row, never a silent "?"). The expected bytes of the names were taken
 * from another encoder (Python's cp932 codec), not from the code under test.
 */
class PaymentInstructionFileTest {

  private static final LocalDate DAY = LocalDate.of(2026, 5, 20);
  private final PaymentInstructionFile file = new PaymentInstructionFile();

  static PaymentInstruction payment(String id, String name, long amount, long interest) {
    return new PaymentInstruction(id, "C-2023-001", name, "T5010001008846", amount, interest, DAY);
  }

  static PaymentBatch batch(PaymentInstruction... payments) {
    return new PaymentBatch("demo-ku", "B-20260520-01", DAY, List.of(payments));
  }

  @Test
  void theFileHasExactlyTheDocumentedBytes() {
    byte[] bytes = file.render(batch(payment("P-0001", "株式会社〇〇商事", 289_490, 0),
        payment("P-0002", "ｶ)ﾏﾙﾏﾙｼﾖｳｼﾞ", 1_100_000, 2_100)));

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ascii(expected, "1" + pad("B-20260520-01", 20) + "20260520" + pad("demo-ku", 32) + " ".repeat(99) + "\r\n");
    ascii(expected, "2" + pad("P-0001", 20) + pad("C-2023-001", 32));
    expected.writeBytes(HexFormat.of().parseHex("8a948eae89ef8ed0815a815a8fa48e96")); // 株式会社〇〇商事, 16 bytes
    ascii(expected, " ".repeat(48 - 16) + "T5010001008846" + "000000289490" + "0000000000" + "20260520"
        + " ".repeat(15) + "\r\n");
    ascii(expected, "2" + pad("P-0002", 20) + pad("C-2023-001", 32));
    expected.writeBytes(HexFormat.of().parseHex("b629cfd9cfd9bcd6b3bcde")); // ｶ)ﾏﾙﾏﾙｼﾖｳｼﾞ, 11 bytes
    ascii(expected, " ".repeat(48 - 11) + "T5010001008846" + "000001100000" + "0000002100" + "20260520"
        + " ".repeat(15) + "\r\n");
    ascii(expected, "8" + "000002" + "000000001389490" + "0000000002100" + " ".repeat(125) + "\r\n");
    ascii(expected, "9" + " ".repeat(159) + "\r\n");
    assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(HexFormat.of().formatHex(expected.toByteArray()));
    assertThat(bytes).hasSize(5 * (PaymentInstructionFile.RECORD_LENGTH + 2));
  }

  @Test
  void theWaveDashIsWrittenAsWindowsSpellsIt() {
    byte[] bytes = file.render(batch(payment("P-0001", "ミナミ工務店〜北", 1, 0)));

    byte[] name = java.util.Arrays.copyOfRange(bytes, 162 + 53, 162 + 53 + 16);
    assertThat(HexFormat.of().formatHex(name)).isEqualTo("837e8369837e8d4896b193588160966b");
  }

  @Test
  void unicodesOtherSpellingsOfDashesAndBarsAreWrittenAsWindowsSpellsThem() {
    // ‖ U+2016, — U+2014, − U+2212, ¢ U+00A2 → ∥ 0x8161, ― 0x815C, － 0x817C, ￠ 0x8191 (Python's cp932 codec)
    byte[] bytes = file.render(batch(payment("P-0001", "\u2016\u2014\u2212\u00A2", 1, 0)));

    byte[] name = java.util.Arrays.copyOfRange(bytes, 162 + 53, 162 + 53 + 8);
    assertThat(HexFormat.of().formatHex(name)).isEqualTo("8161815c817c8191");
  }

  static Stream<Arguments> unwritableNames() {
    return Stream.of(
        Arguments.of("髙 (IBM extension, not JIS X 0208)", "髙橋工業", "U+9AD9"),
        Arguments.of("﨑 (IBM extension)", "山﨑商店", "U+FA11"),
        Arguments.of("① (NEC special character)", "第①工区", "U+2460"),
        Arguments.of("㈱ (NEC special character)", "㈱〇〇商事", "U+3231"),
        Arguments.of("𠮷 (not in windows-31j at all)", "𠮷野家", "U+20BB7"),
        Arguments.of("a control character", "〇〇\t商事", "U+0009"),
        Arguments.of("a Korean syllable", "한국상사", "U+D55C"),
        Arguments.of("¥, which the JDK would write as a backslash", "〇〇商事¥", "U+00A5"),
        Arguments.of("·, which the JDK would write as ・", "ミナミ·工務店", "U+00B7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void unwritableNames(String label, String name, String codePoint, @TempDir Path outbox) throws Exception {
    PaymentBatch batch = batch(payment("P-0001", "株式会社〇〇商事", 1, 0), payment("P-0002", name, 1, 0));

    assertThatThrownBy(() -> file.write(batch, outbox)).isInstanceOfSatisfying(PaymentFileException.class, e -> {
      assertThat(e.record()).isEqualTo(3);
      assertThat(e.paymentId()).isEqualTo("P-0002");
      assertThat(e.field()).isEqualTo("payeeName");
      assertThat(e.getMessage()).contains(codePoint, "JIS X 0208");
      assertThat(e.messageJa()).contains("支払先名", codePoint);
    });
    try (Stream<Path> files = Files.list(outbox)) {
      assertThat(files).as("nothing written").isEmpty();
    }
  }

  static Stream<Arguments> valuesThatDoNotFit() {
    return Stream.of(
        Arguments.of(payment("P-0001", "あ".repeat(25), 1, 0), "payeeName"),
        Arguments.of(payment("P-0001", "株式会社〇〇商事", 1_000_000_000_000L, 0), "amount"),
        Arguments.of(payment("P-0001", "株式会社〇〇商事", 1, 10_000_000_000L), "lateInterest"),
        Arguments.of(new PaymentInstruction("P-0001", "C-" + "9".repeat(31), "株式会社〇〇商事", null, 1, 0, DAY),
            "contractId"),
        Arguments.of(new PaymentInstruction("P-0001", "契約-1", "株式会社〇〇商事", null, 1, 0, DAY), "contractId"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource
  void valuesThatDoNotFit(PaymentInstruction payment, String field) {
    assertThatThrownBy(() -> file.render(batch(payment))).isInstanceOfSatisfying(PaymentFileException.class,
        e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void twentyFourFullWidthCharactersFitExactly() {
    byte[] bytes = file.render(batch(payment("P-0001", "あ".repeat(24), 1, 0)));
    assertThat(bytes).hasSize(4 * 162);
  }

  @Test
  void theFileAppearsWholeUnderItsNameAndNoTemporaryFileStays(@TempDir Path outbox) throws Exception {
    PaymentBatch batch = batch(payment("P-0001", "株式会社〇〇商事", 289_490, 0));

    Path written = file.write(batch, outbox);

    assertThat(written).isEqualTo(outbox.resolve("payment-demo-ku-B-20260520-01.dat"));
    assertThat(Files.readAllBytes(written)).isEqualTo(file.render(batch));
    try (Stream<Path> files = Files.list(outbox)) {
      assertThat(files).containsExactly(written);
    }
  }

  @Test
  void writingTheSameBatchAgainIsHarmlessAndADifferentOneIsRefused(@TempDir Path outbox) throws Exception {
    PaymentBatch batch = batch(payment("P-0001", "株式会社〇〇商事", 289_490, 0));
    Path written = file.write(batch, outbox);

    assertThat(file.write(batch, outbox)).isEqualTo(written);
    PaymentBatch changed = batch(payment("P-0001", "株式会社〇〇商事", 289_491, 0));
    assertThatThrownBy(() -> file.write(changed, outbox)).isInstanceOf(PaymentFileException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readAllBytes(written)).isEqualTo(file.render(batch));
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(width - value.length());
  }

  private static void ascii(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
