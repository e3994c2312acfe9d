package jp.tetsuzuki.processes.contract.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The accounting system's acknowledgement layout (AcknowledgementParser's documentation; issue 11). */
class AcknowledgementParserTest {

  private static final Charset W31J = Charset.forName("windows-31j");
  private final AcknowledgementParser parser = new AcknowledgementParser();

  @Test
  void paidAndFailedLinesWithCrLfOrLf() throws Exception {
    Acknowledgement ack = parser.parse("P-0001,PAID,20260520,289490\r\nP-0002,FAILED,,0\nP-0003,PAID,20260521,5\r\n\r\n"
        .getBytes(W31J));

    assertThat(ack.lines()).containsExactly(
        new Acknowledgement.Line(1, "P-0001", Acknowledgement.Status.PAID, LocalDate.of(2026, 5, 20), 289_490),
        new Acknowledgement.Line(2, "P-0002", Acknowledgement.Status.FAILED, null, 0),
        new Acknowledgement.Line(3, "P-0003", Acknowledgement.Status.PAID, LocalDate.of(2026, 5, 21), 5));
    assertThat(ack.id()).hasSize(64);
  }

  @Test
  void theSameBytesHaveTheSameIdentity() throws Exception {
    byte[] file = "P-0001,PAID,20260520,289490\r\n".getBytes(W31J);
    assertThat(parser.parse(file).id()).isEqualTo(parser.parse(file.clone()).id())
        .isNotEqualTo(parser.parse("P-0001,PAID,20260521,289490\r\n".getBytes(W31J)).id());
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("", 0, "file"),
        Arguments.of("\r\n\r\n", 0, "file"),
        Arguments.of("P-0001,PAID,20260520\r\n", 1, "line"),
        Arguments.of("P-0001,PAID,20260520,289490,x\r\n", 1, "line"),
        Arguments.of("P-0001,PAID,20260520,289490\r\nP 2,PAID,20260520,1\r\n", 2, "paymentId"),
        Arguments.of("P-0001,OK,20260520,289490\r\n", 1, "status"),
        Arguments.of("P-0001,PAID,2026-05-20,289490\r\n", 1, "paidOn"),
        Arguments.of("P-0001,PAID,20260230,289490\r\n", 1, "paidOn"),
        Arguments.of("P-0001,PAID,20260520,289,490\r\n", 1, "line"),
        Arguments.of("P-0001,PAID,20260520,-5\r\n", 1, "amount"),
        Arguments.of("P-0001,FAILED,20260520,0\r\n", 1, "paidOn"),
        Arguments.of("P-0001,PAID,20260520,1\r\nP-0001,PAID,20260520,1\r\n", 2, "paymentId"));
  }

  @ParameterizedTest(name = "[{index}] line {1}, field {2}")
  @MethodSource
  void refused(String text, int line, String field) {
    assertThatThrownBy(() -> parser.parse(text.getBytes(W31J)))
        .isInstanceOfSatisfying(AcknowledgementFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.field()).isEqualTo(field);
          assertThat(e.messageJa()).isNotBlank();
        });
  }

  @Test
  void bytesThatAreNotWindows31jAreRefused() {
    assertThatThrownBy(() -> parser.parse(new byte[] {'P', ',', (byte) 0x81, (byte) 0x0A}))
        .isInstanceOfSatisfying(AcknowledgementFormatException.class, e -> assertThat(e.field()).isEqualTo("file"));
  }
}
