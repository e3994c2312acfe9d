package jp.tetsuzuki.processes.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifierTypeTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "corporate-number,            CORPORATE_NUMBER",
      "invoice-registration-number, INVOICE_REGISTRATION_NUMBER",
      "individual-number,           INDIVIDUAL_NUMBER",
  })
  void codesRoundTrip(String code, IdentifierType type) {
    assertThat(IdentifierType.fromCode(code)).isEqualTo(type);
    assertThat(type.code()).isEqualTo(code);
  }

  @ParameterizedTest(name = "''{0}''")
  @NullSource
  @ValueSource(strings = {"", "my-number", "CORPORATE_NUMBER", "Corporate-Number"})
  void unknownCodesNameTheAcceptedOnes(String code) {
    assertThatThrownBy(() -> IdentifierType.fromCode(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown identifier type code '" + code
            + "'; accepted: corporate-number, invoice-registration-number, individual-number");
  }
}
