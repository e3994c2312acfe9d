package jp.tetsuzuki.integrations.port;

import java.util.Map;

/**
 * What a batch route needs to register applications (申請) of a municipal system's file; the platform implements it
 * with its one application service, so a row has the same checks, record, events and case as an application through
 * the public API.
 */
public interface BatchApplicationGateway {

  /**
   * Registers one row as an application of {@code tenantId}, as the service identity {@code serviceUser}, at most
   * once per tenant and {@code externalId} for that identity: a row read again (the same file twice, a crash mid-file,
   * a second node) registers nothing new and answers with the first application.
   *
   * @throws Refused when the row is refused (a field, the tenant, the identity); the route reports it and goes on
   */
  Result submitRow(String serviceUser, String tenantId, String externalId, Row row);

  /**
   * A row as the file has it, every value text.
   *
   * @param receivedOn 到達日 (YYYY-MM-DD), the day the paper arrived at the ward office; {@code null} for today
   * @param applicant {@code name}, {@code email}, {@code corporateNumber}, {@code address}, {@code phone}
   * @param data the procedure's fields by their catalog keys, typed by the platform as the catalog says
   */
  record Row(String procedureCode, String receivedOn, Map<String, String> applicant, Map<String, String> data) {}

  /**
   * @param registered {@code true} when this call registered the application, {@code false} when the row had been
   *     registered before
   */
  record Result(String applicationId, String processInstanceId, boolean registered) {}

  /** A refused row: the field as the public API names it ({@code applicant.name}, {@code data.roadName}, …). */
  class Refused extends RuntimeException {

    private final String field;

    /** @param messageJa the Japanese sentence for the ward's staff (the API's {@code messageJa}) */
    public Refused(String field, String messageJa) {
      super(messageJa);
      this.field = field;
    }

    /** The API's field name, or {@code null} when the refusal concerns the whole row. */
    public String field() {
      return field;
    }
  }
}
