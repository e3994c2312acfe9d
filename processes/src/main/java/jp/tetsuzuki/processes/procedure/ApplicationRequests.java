package jp.tetsuzuki.processes.procedure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.api.TextLimits;
import jp.tetsuzuki.processes.identifier.IdentifierType;
import jp.tetsuzuki.processes.identifier.IdentifierValidation;
import jp.tetsuzuki.processes.identifier.IdentifierValidator;

/**
 * Checks an application request against the catalog before anything is created: each problem is a 400 naming the
 * field. Individual numbers are validated here and only their masked form is kept.
 */
final class ApplicationRequests {

  /** A document reference of a request. */
  record DocumentRef(String documentId, String kind) {}

  /** What a document id refers to: its tenant, or empty when it does not exist. */
  interface Documents extends Function<String, Optional<String>> {}

  /** Maximum lengths of the one-line applicant fields (the address has its own). */
  private static final Map<String, Integer> APPLICANT_LIMITS = Map.of("name", TextLimits.NAME, "email",
      TextLimits.EMAIL, "phone", TextLimits.PHONE, "corporateNumber", TextLimits.CORPORATE_NUMBER);

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApplicationRequests() {}

  /** A correction's comment or a withdrawal's reason: free text of bounded length. */
  static String comment(String field, String value) {
    return TextLimits.check(field, value, TextLimits.COMMENT);
  }

  /** The fields together as they will be stored (JSON), against the column's size. */
  private static void total(String field, Map<String, Object> values, int max) {
    String stored;
    try {
      stored = JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(field, field + ": cannot be stored");
    }
    TextLimits.problem(stored, max).ifPresent(p -> {
      throw ApiException.badRequest(field, field + ": too long in total as stored, " + p);
    });
  }

  static Procedure procedure(ProcedureCatalog catalog, String code, String tenantId) {
    if (code == null || code.isBlank()) {
      throw ApiException.badRequest("procedureCode", "procedureCode: required");
    }
    Procedure procedure = catalog.find(code).orElseThrow(() -> ApiException.badRequest("procedureCode",
        "procedureCode: unknown procedure '" + code + "'"));
    if (!procedure.offeredIn(tenantId)) {
      throw ApiException.badRequest("tenantId", "tenantId: procedure '" + code + "' is not offered in tenant '"
          + tenantId + "'");
    }
    return procedure;
  }

  static LocalDate receivedOn(String value, LocalDate today) {
    if (value == null) {
      return today;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("receivedOn", "receivedOn: must be a date YYYY-MM-DD");
    }
    if (date.isAfter(today)) {
      throw ApiException.badRequest("receivedOn", "receivedOn: must not be in the future");
    }
    if (date.isBefore(today.minusYears(1))) {
      throw ApiException.badRequest("receivedOn", "receivedOn: must be within the last year");
    }
    return date;
  }

  static Map<String, Object> applicant(JsonNode applicant) {
    if (applicant == null || !applicant.isObject()) {
      throw ApiException.badRequest("applicant", "applicant: required object with at least a name");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : List.of("name", "email", "address", "phone", "corporateNumber")) {
      JsonNode value = applicant.get(key);
      if (value != null && !value.isNull()) {
        if (!value.isTextual()) {
          throw ApiException.badRequest("applicant." + key, "applicant." + key + ": must be a string");
        }
        String text = value.asText();
        if (key.equals("address")) {
          TextLimits.check("applicant.address", text, TextLimits.ADDRESS);
        } else {
          TextLimits.checkSingleLine("applicant." + key, text, APPLICANT_LIMITS.get(key));
        }
        out.put(key, text);
      }
    }
    Iterator<String> names = applicant.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!out.containsKey(name) && !List.of("name", "email", "address", "phone", "corporateNumber").contains(name)) {
        throw ApiException.badRequest("applicant." + name, "applicant." + name + ": unknown field");
      }
    }
    if (!(out.get("name") instanceof String name) || name.isBlank()) {
      throw ApiException.badRequest("applicant.name", "applicant.name: required");
    }
    total("applicant", out, TextLimits.APPLICANT_TOTAL);
    return out;
  }

  /**
   * The data fields, typed as the catalog says. With {@code partial} (a correction) missing required fields are
   * allowed; the merged result is checked by the completeness check.
   */
  static Map<String, Object> data(Procedure procedure, JsonNode data, boolean partial) {
    if (data == null || data.isNull()) {
      if (partial) {
        return Map.of();
      }
      throw ApiException.badRequest("data", "data: required object");
    }
    if (!data.isObject()) {
      throw ApiException.badRequest("data", "data: must be an object");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      String field = "data." + entry.getKey();
      Procedure.Field definition = procedure.field(entry.getKey()).orElseThrow(() -> ApiException.badRequest(field,
          field + ": not a field of procedure " + procedure.code()));
      JsonNode value = entry.getValue();
      if (value.isNull()) {
        continue;
      }
      out.put(entry.getKey(), typed(definition, field, value));
    }
    total("data", out, TextLimits.DATA_TOTAL);
    if (!partial) {
      for (Procedure.Field f : procedure.fields()) {
        if (f.required() && !out.containsKey(f.key())) {
          throw ApiException.badRequest("data." + f.key(), "data." + f.key() + ": required (" + f.type() + ")");
        }
      }
    }
    return out;
  }

  private static Object typed(Procedure.Field definition, String field, JsonNode value) {
    switch (definition.type()) {
      case "number" -> {
        if (!value.isNumber()) {
          throw ApiException.badRequest(field, field + ": must be a number");
        }
        return value.numberValue();
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          throw ApiException.badRequest(field, field + ": must be true or false");
        }
        return value.booleanValue();
      }
      case "date" -> {
        try {
          return LocalDate.parse(value.asText()).toString();
        } catch (DateTimeParseException e) {
          throw ApiException.badRequest(field, field + ": must be a date YYYY-MM-DD");
        }
      }
      case "individual-number" -> {
        if (!value.isTextual()) {
          throw ApiException.badRequest(field, field + ": must be a string");
        }
        // validated now and kept masked only: the number itself is never stored, logged or put in a variable
        IdentifierValidation result = IdentifierValidator.validate(IdentifierType.INDIVIDUAL_NUMBER, value.asText());
        if (!result.valid()) {
          throw ApiException.badRequest(field, field + ": not a valid individual number (" + result.reason() + ")");
        }
        return result.normalized();
      }
      default -> {
        if (!value.isTextual()) {
          throw ApiException.badRequest(field, field + ": must be a string");
        }
        return TextLimits.check(field, value.asText(), TextLimits.DATA_VALUE);
      }
    }
  }

  static List<DocumentRef> documents(Procedure procedure, String tenantId, JsonNode documents,
      Function<String, Optional<String>> tenantOfDocument) {
    List<DocumentRef> out = new ArrayList<>();
    if (documents == null || documents.isNull()) {
      return out;
    }
    if (!documents.isArray()) {
      throw ApiException.badRequest("documents", "documents: must be an array of {documentId, kind}");
    }
    for (int i = 0; i < documents.size(); i++) {
      String at = "documents[" + i + "]";
      JsonNode d = documents.get(i);
      String id = TextLimits.check(at + ".documentId", d.path("documentId").asText(null), TextLimits.REFERENCE);
      String kind = TextLimits.check(at + ".kind", d.path("kind").asText(null), TextLimits.REFERENCE);
      if (id == null || id.isBlank()) {
        throw ApiException.badRequest(at + ".documentId", at + ".documentId: required");
      }
      if (kind == null || procedure.documentKind(kind).isEmpty()) {
        throw ApiException.badRequest(at + ".kind", at + ".kind: must be one of "
            + procedure.documents().stream().map(Procedure.DocumentKind::kind).toList());
      }
      if (!tenantOfDocument.apply(id).filter(tenantId::equals).isPresent()) {
        throw ApiException.badRequest(at + ".documentId", at + ".documentId: no document '" + id
            + "' in tenant " + tenantId + " (upload it first with POST /api/v1/documents)");
      }
      out.add(new DocumentRef(id, kind));
    }
    return out;
  }
}
