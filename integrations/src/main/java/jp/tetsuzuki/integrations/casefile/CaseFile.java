package jp.tetsuzuki.integrations.casefile;

import java.util.Map;

/**
 * One case handed over as a JSON file by a municipal system: which model, which municipality, the system's own
 * reference (becomes the business key) and the start variables.
 */
public record CaseFile(String processKey, String tenantId, String businessKey, Map<String, Object> variables) {

  /** Checks the fields a case cannot start without; the message (Japanese, for the reason file) names the field. */
  public CaseFile {
    requireText(processKey, "processKey");
    requireText(tenantId, "tenantId");
    requireText(businessKey, "businessKey");
    if (businessKey.length() > 200) {
      throw new IllegalArgumentException("businessKey（業務キー）は200文字以内にしてください");
    }
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " がありません（必須項目です）");
    }
  }
}
