package jp.tetsuzuki.integrations.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.stream.Stream;
import jp.tetsuzuki.integrations.registry.InvoiceRegistration.Standing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented answer shapes of both registries, read without Spring or Camel; the standing of a registration. */
class RegistryResponsesTest {

  static final String NUMBER = "8700110005901";

  @Test
  void aCorporationRecordIsReadFromTheXmlAnswer() {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <corporations><lastUpdateDate>2026-11-30</lastUpdateDate><count>1</count><divideNumber>1</divideNumber>
        <divideSize>1</divideSize><corporation><sequenceNumber>1</sequenceNumber>
        <corporateNumber>8700110005901</corporateNumber><process>12</process><correct>0</correct>
        <updateDate>2024-04-01</updateDate><changeDate>2024-04-01</changeDate><name>デモ建設株式会社</name>
        <nameImageId/><kind>301</kind><prefectureName>東京都</prefectureName><cityName>デモ区</cityName>
        <streetNumber>本町１丁目</streetNumber><postCode>1000001</postCode><addressOutside/><closeDate/><closeCause/>
        <successorCorporateNumber/><assignmentDate>2015-10-05</assignmentDate><latest>1</latest><hihyoji>0</hihyoji>
        </corporation></corporations>""";

    CorporateNumberResult result = CorporateNumberResponse.parse(xml, NUMBER);

    assertThat(result).isEqualTo(new CorporateNumberResult.Found(new CorporateRecord(NUMBER, "デモ建設株式会社",
        "東京都デモ区本町１丁目", "1000001", "301", LocalDate.of(2015, 10, 5), LocalDate.of(2024, 4, 1),
        LocalDate.of(2024, 4, 1), null, "", "")));
  }

  @Test
  void countZeroIsNotFoundAndADeletedRecordToo() {
    String empty = "<corporations><lastUpdateDate>2026-11-30</lastUpdateDate><count>0</count>"
        + "<divideNumber>1</divideNumber><divideSize>1</divideSize></corporations>";
    String deleted = "<corporations><count>1</count><corporation><corporateNumber>" + NUMBER
        + "</corporateNumber><process>99</process><latest>1</latest></corporation></corporations>";

    assertThat(CorporateNumberResponse.parse(empty, NUMBER)).isEqualTo(new CorporateNumberResult.NotFound(NUMBER));
    assertThat(CorporateNumberResponse.parse(deleted, NUMBER)).isEqualTo(new CorporateNumberResult.NotFound(NUMBER));
  }

  static Stream<Arguments> unreadableCorporateAnswers() {
    return Stream.of(
        Arguments.of("not xml", "no readable XML"),
        Arguments.of("<html><body>maintenance</body></html>", "unexpected document"),
        Arguments.of("<corporations><divideNumber>1</divideNumber></corporations>", "without a count"),
        Arguments.of("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<corporations><count>&x;</count></corporations>", "no readable XML"),
        Arguments.of("<corporations><count>1</count><corporation><corporateNumber>1111111111111</corporateNumber>"
            + "</corporation></corporations>", "other numbers"),
        Arguments.of("<corporations><count>1</count><corporation><corporateNumber>" + NUMBER
            + "</corporateNumber><assignmentDate>2015/10/05</assignmentDate></corporation></corporations>",
            "unreadable assignmentDate"));
  }

  @ParameterizedTest
  @MethodSource("unreadableCorporateAnswers")
  void anUnreadableCorporateAnswerIsUnavailableNeverNotFound(String body, String message) {
    assertThatThrownBy(() -> CorporateNumberResponse.parse(body, NUMBER))
        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageContaining(message);
  }

  @Test
  void theLatestRegistrationIsReadFromTheJsonAnswer() {
    String json = """
        {"lastUpdateDate":"2026-11-30","count":"2","divideNumber":"1","divideSize":"1","announcement":[
         {"sequenceNumber":"1","registratedNumber":"T8700110005901","process":"01","correct":"0","kind":"2",
          "country":"1","latest":"0","registrationDate":"2023-10-01","updateDate":"2023-10-01","disposalDate":"",
          "expireDate":"","address":"東京都デモ区","name":"旧名株式会社"},
         {"sequenceNumber":"2","registratedNumber":"T8700110005901","process":"04","correct":"0","kind":"2",
          "country":"1","latest":"1","registrationDate":"2023-10-01","updateDate":"2024-06-30",
          "disposalDate":"2024-07-01","expireDate":"","address":"東京都デモ区","name":"デモ建設株式会社"}]}""";

    InvoiceRegistrationResult result = InvoiceRegistrationResponse.parse(json, "T" + NUMBER);

    assertThat(result).isEqualTo(new InvoiceRegistrationResult.Found(new InvoiceRegistration("T" + NUMBER,
        "デモ建設株式会社", "東京都デモ区", "2", "04", LocalDate.of(2023, 10, 1), LocalDate.of(2024, 6, 30),
        LocalDate.of(2024, 7, 1), null)));
  }

  @Test
  void anAbsentOrDeletedRegistrationIsNotFound() {
    String absent = "{\"lastUpdateDate\":\"2026-11-30\",\"count\":\"0\",\"divideNumber\":\"1\",\"divideSize\":\"1\","
        + "\"announcement\":[]}";
    String deleted = "{\"count\":\"1\",\"announcement\":[{\"registratedNumber\":\"T" + NUMBER
        + "\",\"process\":\"99\",\"latest\":\"1\"}]}";

    assertThat(InvoiceRegistrationResponse.parse(absent, "T" + NUMBER))
        .isEqualTo(new InvoiceRegistrationResult.NotFound("T" + NUMBER));
    assertThat(InvoiceRegistrationResponse.parse(deleted, "T" + NUMBER))
        .isEqualTo(new InvoiceRegistrationResult.NotFound("T" + NUMBER));
  }

  static Stream<Arguments> unreadableInvoiceAnswers() {
    return Stream.of(
        Arguments.of("<html>maintenance</html>", "no readable JSON"),
        Arguments.of("[]", "unexpected JSON shape"),
        Arguments.of("{\"announcement\":[]}", "unexpected JSON shape"),
        Arguments.of("{\"count\":\"1\",\"announcement\":{}}", "unexpected JSON shape"),
        Arguments.of("{\"count\":\"1\",\"announcement\":[{\"registratedNumber\":\"T" + NUMBER
            + "\",\"registrationDate\":\"R5.10.1\"}]}", "unreadable registrationDate"));
  }

  @ParameterizedTest
  @MethodSource("unreadableInvoiceAnswers")
  void anUnreadableInvoiceAnswerIsUnavailableNeverNotFound(String body, String message) {
    assertThatThrownBy(() -> InvoiceRegistrationResponse.parse(body, "T" + NUMBER))
        .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining(message);
  }

  static Stream<Arguments> standings() {
    LocalDate registered = LocalDate.of(2023, 10, 1);
    LocalDate revoked = LocalDate.of(2024, 7, 1);
    LocalDate lapsed = LocalDate.of(2025, 1, 1);
    return Stream.of(
        //           registration, disposal, expire, day, standing
        Arguments.of(registered, null, null, LocalDate.of(2023, 9, 30), Standing.NOT_YET_REGISTERED),
        Arguments.of(registered, null, null, registered, Standing.VALID),
        Arguments.of(registered, null, null, LocalDate.of(2030, 1, 1), Standing.VALID),
        Arguments.of(registered, revoked, null, LocalDate.of(2024, 6, 30), Standing.VALID),
        Arguments.of(registered, revoked, null, revoked, Standing.REVOKED),
        Arguments.of(registered, null, lapsed, LocalDate.of(2024, 12, 31), Standing.VALID),
        Arguments.of(registered, null, lapsed, lapsed, Standing.EXPIRED),
        Arguments.of(null, null, null, LocalDate.of(2024, 1, 1), Standing.NOT_YET_REGISTERED));
  }

  @ParameterizedTest
  @MethodSource("standings")
  void aRegistrationIsValidFromItsDateUntilTheDayBeforeRevocationOrLapse(LocalDate registration, LocalDate disposal,
      LocalDate expire, LocalDate day, Standing standing) {
    InvoiceRegistration r = new InvoiceRegistration("T" + NUMBER, "n", "a", "2", "01", registration, registration,
        disposal, expire);

    assertThat(r.standingOn(day)).isEqualTo(standing);
    assertThat(r.validOn(day)).isEqualTo(standing == Standing.VALID);
  }
}
