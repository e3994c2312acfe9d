package jp.tetsuzuki.processes.glue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.procedure.Procedure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A CSV cell typed as the catalog field wants it, or left as text for the application service to refuse. */
class BatchApplicationAdapterTest {

  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of("number", "12.5", "12.5"),
        Arguments.of("number", "-3", "-3"),
        Arguments.of("number", "1e3", "1E+3"),
        Arguments.of("number", "十", "\"十\""),
        Arguments.of("number", "1,000", "\"1,000\""),
        Arguments.of("boolean", "true", "true"),
        Arguments.of("boolean", "FALSE", "false"),
        Arguments.of("boolean", "1", "true"),
        Arguments.of("boolean", "いいえ", "false"),
        Arguments.of("boolean", "maybe", "\"maybe\""),
        Arguments.of("date", "2026-11-30", "\"2026-11-30\""),
        Arguments.of("text", "123", "\"123\""),
        Arguments.of("corporate-number", "5835678256246", "\"5835678256246\""),
        Arguments.of(null, "42", "\"42\"")); // not a field of the procedure: text, refused by the service
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cells")
  void aCellIsTypedAsTheCatalogSays(String type, String text, String json) {
    Optional<Procedure.Field> field = type == null ? Optional.empty()
        : Optional.of(new Procedure.Field("f", "項目", type, false));
    assertThat(BatchApplicationAdapter.typed(field, text).toString()).isEqualTo(json);
  }
}
