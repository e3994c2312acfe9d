package jp.tetsuzuki.integrations.municipalcsv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tetsuzuki.integrations.port.BatchApplicationGateway.Row;

/**
 * The columns of a municipal CSV file and how a row becomes an application: the standard columns, then one column
 * per data field of the procedure, named by the catalog's field key. An empty value is not given (as an untouched
 * field of a form). Also the way back: the API's field name of a refusal to the file's column.
 */
final class RowColumns {

  static final String PROCEDURE_CODE = "procedureCode";
  static final String TENANT_ID = "tenantId";
  static final String RECEIVED_ON = "receivedOn";
  static final String APPLICANT_NAME = "applicantName";
  static final String CORPORATE_NUMBER = "corporateNumber";
  static final String EMAIL = "email";
  static final String EXTERNAL_ID = "externalId";
  static final String APPLICANT_ADDRESS = "applicantAddress";
  static final String APPLICANT_PHONE = "applicantPhone";

  /** Every file's header names these. */
  static final List<String> REQUIRED = List.of(PROCEDURE_CODE, TENANT_ID, RECEIVED_ON, APPLICANT_NAME,
      CORPORATE_NUMBER, EMAIL, EXTERNAL_ID);
  /** Standard columns a file may add. */
  static final List<String> OPTIONAL = List.of(APPLICANT_ADDRESS, APPLICANT_PHONE);

  /** Column → the applicant's field of the API. */
  private static final Map<String, String> APPLICANT = Map.of(APPLICANT_NAME, "name", EMAIL, "email",
      CORPORATE_NUMBER, "corporateNumber", APPLICANT_ADDRESS, "address", APPLICANT_PHONE, "phone");

  static final int MAX_EXTERNAL_ID = 100;

  private static final Set<String> STANDARD;

  static {
    var all = new java.util.HashSet<>(REQUIRED);
    all.addAll(OPTIONAL);
    STANDARD = Set.copyOf(all);
  }

  private RowColumns() {}

  /** The names of the standard columns missing from a header, in the order of {@link #REQUIRED}. */
  static List<String> missing(List<String> header) {
    return REQUIRED.stream().filter(column -> !header.contains(column)).toList();
  }

  /** A row's values by column as the gateway takes them. */
  static Row row(Map<String, String> values) {
    Map<String, String> applicant = new LinkedHashMap<>();
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach((column, value) -> {
      if (value == null || value.isEmpty()) {
        return;
      }
      if (APPLICANT.containsKey(column)) {
        applicant.put(APPLICANT.get(column), value);
      } else if (!STANDARD.contains(column)) {
        data.put(column, value);
      }
    });
    return new Row(blankToNull(values.get(PROCEDURE_CODE)), blankToNull(values.get(RECEIVED_ON)), applicant, data);
  }

  /** The file's column of a field as the public API names it in a refusal; empty for the row as a whole. */
  static String column(String apiField) {
    if (apiField == null) {
      return "";
    }
    if (apiField.equals("Idempotency-Key") || apiField.equals("businessKey")) {
      return EXTERNAL_ID;
    }
    if (apiField.equals("applicant")) {
      return APPLICANT_NAME;
    }
    if (apiField.startsWith("applicant.")) {
      String key = apiField.substring("applicant.".length());
      return APPLICANT.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey)
          .findFirst().orElse(apiField);
    }
    if (apiField.equals("data")) {
      return "";
    }
    if (apiField.startsWith("data.")) {
      return apiField.substring("data.".length());
    }
    return apiField; // procedureCode, tenantId, receivedOn
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
