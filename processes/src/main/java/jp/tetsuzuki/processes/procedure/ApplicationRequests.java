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
 * Checks an application request against the catalog before anything is created, for every intake path (API, paper
 * form, case file): each problem is a 400 naming the field in English (the API's field path) and in Japanese (the
 * catalog's label, as staff and applicants read it). Identifiers (法人番号, 登録番号, 個人番号) must pass their check
 * digit and are kept in their normalised form; individual numbers are kept masked only. Plain Java.
 */
final class ApplicationRequests {

  /** A document reference of a request. */
  record DocumentRef(String documentId, String kind) {}

  /** What a document id refers to: its tenant, or empty when it does not exist. */
  interface Documents extends Function<String, Optional<String>> {}

  /** The applicant's fields, in the order people fill them in. */
  static final List<String> APPLICANT_FIELDS = List.of("name", "address", "phone", "email", "corporateNumber");

  /** What people call the applicant's fields (form labels and messages). */
  static final Map<String, String> APPLICANT_LABELS = Map.of("name", "申請者の氏名・名称", "address", "申請者の住所",
      "phone", "申請者の電話番号", "email", "申請者のメールアドレス", "corporateNumber", "申請者の法人番号");

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
  private static void total(String field, String label, Map<String, Object> values, int max) {
    String stored;
    try {
      stored = JSON.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(field, field + ": cannot be stored", label + "を保存できません。");
    }
    TextLimits.problem(stored, max).ifPresent(p -> {
      throw ApiException.invalid(field, field + ": too long in total as stored, " + p, label + "が長すぎます（保存すると"
          + max + "文字を超えます）。");
    });
  }

  static Procedure procedure(ProcedureCatalog catalog, String code, String tenantId) {
    if (code == null || code.isBlank()) {
      throw ApiException.invalid("procedureCode", "procedureCode: required", "手続を選んでください。");
    }
    Procedure procedure = catalog.find(code).orElseThrow(() -> ApiException.invalid("procedureCode",
        "procedureCode: unknown procedure '" + code + "'", "手続「" + code + "」は手続カタログにありません。"));
    if (!procedure.offeredIn(tenantId)) {
      throw ApiException.invalid("tenantId", "tenantId: procedure '" + code + "' is not offered in tenant '"
          + tenantId + "'", "手続「" + procedure.name() + "」は自治体 " + tenantId + " では扱っていません。");
    }
    return procedure;
  }

  /**
   * The arrival date (到達日): today when not given; otherwise not in the future and not before the earliest date the
   * catalog entry allows ({@link Procedure#earliestArrival}).
   */
  static LocalDate receivedOn(Procedure procedure, String value, LocalDate today) {
    if (value == null) {
      return today;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("receivedOn", "receivedOn: must be a date YYYY-MM-DD",
          "到達日は日付（YYYY-MM-DD）で入力してください。");
    }
    if (date.isAfter(today)) {
      throw ApiException.invalid("receivedOn", "receivedOn: must not be in the future",
          "到達日に未来の日付は指定できません。");
    }
    LocalDate earliest = procedure.earliestArrival(today);
    if (date.isBefore(earliest)) {
      throw ApiException.invalid("receivedOn", "receivedOn: must not be before " + earliest + " for procedure "
          + procedure.code(), "到達日は " + earliest + " 以降の日付にしてください（手続「" + procedure.name()
          + "」で遡って登録できる期間を過ぎています）。");
    }
    return date;
  }

  static Map<String, Object> applicant(JsonNode applicant) {
    if (applicant == null || !applicant.isObject()) {
      throw ApiException.invalid("applicant", "applicant: required object with at least a name",
          "申請者の氏名・名称を入力してください。");
    }
    Iterator<String> names = applicant.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!APPLICANT_FIELDS.contains(name)) {
        throw ApiException.invalid("applicant." + name, "applicant." + name + ": unknown field",
            "申請者の項目「" + name + "」はありません。");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : APPLICANT_FIELDS) {
      JsonNode value = applicant.get(key);
      String field = "applicant." + key;
      String label = APPLICANT_LABELS.get(key);
      if (value == null || value.isNull()) {
        continue;
      }
      if (!value.isTextual()) {
        throw ApiException.invalid(field, field + ": must be a string", "「" + label + "」は文字で入力してください。");
      }
      String text = value.asText();
      if (key.equals("address")) {
        TextLimits.check(field, label, text, TextLimits.ADDRESS);
      } else {
        TextLimits.checkSingleLine(field, label, text, APPLICANT_LIMITS.get(key));
      }
      if (key.equals("corporateNumber") && !text.isBlank()) {
        text = identifier(IdentifierType.CORPORATE_NUMBER, field, label, text);
      }
      if (!text.isBlank()) {
        out.put(key, text);
      }
    }
    if (!(out.get("name") instanceof String name) || name.isBlank()) {
      throw ApiException.invalid("applicant.name", "applicant.name: required", "申請者の氏名・名称を入力してください。");
    }
    total("applicant", "申請者の情報", out, TextLimits.APPLICANT_TOTAL);
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
      throw ApiException.invalid("data", "data: required object", "申請内容を入力してください。");
    }
    if (!data.isObject()) {
      throw ApiException.invalid("data", "data: must be an object", "申請内容の形式が正しくありません。");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = data.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      String field = "data." + entry.getKey();
      Procedure.Field definition = procedure.field(entry.getKey()).orElseThrow(() -> ApiException.invalid(field,
          field + ": not a field of procedure " + procedure.code(), "項目「" + entry.getKey() + "」は手続「"
          + procedure.name() + "」の申請内容にありません。"));
      JsonNode value = entry.getValue();
      if (value.isNull() || value.isTextual() && value.asText().isBlank()) {
        continue; // an empty field (a form's untouched text box) is not given
      }
      out.put(entry.getKey(), typed(definition, field, value));
    }
    // kept in the catalog's order, so that the same content is the same record whatever order a client sent
    Map<String, Object> ordered = new LinkedHashMap<>();
    procedure.fields().stream().filter(f -> out.containsKey(f.key())).forEach(f -> ordered.put(f.key(),
        out.get(f.key())));
    total("data", "申請内容", ordered, TextLimits.DATA_TOTAL);
    if (!partial) {
      for (Procedure.Field f : procedure.fields()) {
        if (f.required() && !out.containsKey(f.key())) {
          throw ApiException.invalid("data." + f.key(), "data." + f.key() + ": required (" + f.type() + ")",
              "「" + f.label() + "」を入力してください。");
        }
      }
      checkFieldRules(procedure, ordered);
    }
    return ordered;
  }

  /**
   * The catalog's rules between fields ({@code notBefore}) on the whole data of an application: as sent, or as it
   * stands after a correction. Dates are stored as YYYY-MM-DD (checked by {@link #data}).
   */
  public static void checkFieldRules(Procedure procedure, Map<String, Object> data) {
    for (Procedure.Field f : procedure.fields()) {
      if (f.notBefore() == null || data.get(f.key()) == null || data.get(f.notBefore()) == null) {
        continue;
      }
      LocalDate value;
      LocalDate earliest;
      try {
        value = LocalDate.parse(data.get(f.key()).toString());
        earliest = LocalDate.parse(data.get(f.notBefore()).toString());
      } catch (DateTimeParseException e) {
        continue; // not a date: the type check names the field
      }
      if (value.isBefore(earliest)) {
        Procedure.Field other = procedure.field(f.notBefore()).orElseThrow();
        throw ApiException.invalid("data." + f.key(), "data." + f.key() + ": must not be before data."
            + other.key() + " (" + value + " < " + earliest + ")", "「" + f.label() + "」（" + japanese(value)
            + "）は「" + other.label() + "」（" + japanese(earliest) + "）より前にできません。");
      }
    }
  }

  private static String japanese(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  private static Object typed(Procedure.Field definition, String field, JsonNode value) {
    String label = definition.label();
    switch (definition.type()) {
      case "number" -> {
        if (!reasonableNumber(value)) {
          throw ApiException.invalid(field, field + ": must be a number (finite, at most " + MAX_NUMBER_TEXT
              + " in magnitude, at most " + MAX_DECIMALS + " decimals)", "「" + label + "」は数値（絶対値 1 兆以下、小数点以下 "
              + MAX_DECIMALS + " 桁まで）で入力してください。");
        }
        if (definition.minimum() != null && value.decimalValue().compareTo(definition.minimum()) < 0) {
          throw ApiException.invalid(field, field + ": must be at least " + definition.minimum().toPlainString(),
              "「" + label + "」は " + definition.minimum().toPlainString() + " 以上で入力してください。");
        }
        return value.numberValue();
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          throw ApiException.invalid(field, field + ": must be true or false",
              "「" + label + "」は「はい」か「いいえ」で答えてください。");
        }
        return value.booleanValue();
      }
      case "date" -> {
        try {
          if (!value.isTextual()) {
            throw new DateTimeParseException("not text", value.toString(), 0);
          }
          return LocalDate.parse(value.asText()).toString();
        } catch (DateTimeParseException e) {
          throw ApiException.invalid(field, field + ": must be a date YYYY-MM-DD",
              "「" + label + "」は日付（YYYY-MM-DD）で入力してください。");
        }
      }
      case "corporate-number", "invoice-registration-number", "individual-number" -> {
        if (!value.isTextual()) {
          throw ApiException.invalid(field, field + ": must be a string", "「" + label + "」は文字で入力してください。");
        }
        TextLimits.checkSingleLine(field, label, value.asText(), TextLimits.CORPORATE_NUMBER);
        // an individual number is validated now and kept masked only: never stored, logged or put in a variable
        return identifier(IdentifierType.fromCode(definition.type()), field, label, value.asText());
      }
      default -> {
        if (!value.isTextual()) {
          throw ApiException.invalid(field, field + ": must be a string", "「" + label + "」は文字で入力してください。");
        }
        return TextLimits.check(field, label, value.asText(), TextLimits.DATA_VALUE);
      }
    }
  }

  /**
   * A number field's value: finite, |x| ≤ 1e12 and at most 3 decimals. Areas, lengths, counts and yen amounts of a
   * municipality's procedures stay far below 1 兆 (a city's whole budget is of that order), and 12 integer digits plus
   * 3 decimals are 15 significant digits, which a double keeps exactly (DBL_DIG), so the value a citizen typed is the
   * value the case, the record and the notice show. NaN, Infinity and 1e308 (which the paper form's Double variables
   * and JSON allow) would break sums, comparisons in decisions and the notices' formatting.
   */
  static boolean reasonableNumber(JsonNode value) {
    if (value == null || !value.isNumber()) {
      return false;
    }
    if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
      return false;
    }
    java.math.BigDecimal number = value.decimalValue();
    return number.abs().compareTo(MAX_NUMBER) <= 0 && number.stripTrailingZeros().scale() <= MAX_DECIMALS;
  }

  static final java.math.BigDecimal MAX_NUMBER = java.math.BigDecimal.valueOf(1_000_000_000_000L);
  private static final String MAX_NUMBER_TEXT = "1e12";
  static final int MAX_DECIMALS = 3;

  /** The normalised identifier, or a 400 with what is wrong (never quoting an individual number). */
  static String identifier(IdentifierType type, String field, String label, String value) {
    IdentifierValidation result = IdentifierValidator.validate(type, value);
    if (!result.valid()) {
      String expected = switch (type) {
        case CORPORATE_NUMBER -> "13桁の数字で、先頭の検査用数字が合っていること";
        case INVOICE_REGISTRATION_NUMBER -> "T と13桁の数字で、検査用数字が合っていること";
        case INDIVIDUAL_NUMBER -> "12桁の数字で、末尾の検査用数字が合っていること";
      };
      throw ApiException.invalid(field, field + ": not a valid " + type.code() + " (" + result.reason() + ")",
          "「" + label + "」が正しくありません（" + expected + "）。");
    }
    return result.normalized();
  }

  static List<DocumentRef> documents(Procedure procedure, String tenantId, JsonNode documents,
      Function<String, Optional<String>> tenantOfDocument) {
    List<DocumentRef> out = new ArrayList<>();
    if (documents == null || documents.isNull()) {
      return out;
    }
    if (!documents.isArray()) {
      throw ApiException.invalid("documents", "documents: must be an array of {documentId, kind}",
          "添付書類の形式が正しくありません。");
    }
    for (int i = 0; i < documents.size(); i++) {
      String at = "documents[" + i + "]";
      JsonNode d = documents.get(i);
      String id = TextLimits.check(at + ".documentId", "添付書類（" + (i + 1) + "件目）の書類ID",
          d.path("documentId").asText(null), TextLimits.REFERENCE);
      String kind = TextLimits.check(at + ".kind", "添付書類（" + (i + 1) + "件目）の種類", d.path("kind").asText(null),
          TextLimits.REFERENCE);
      if (id == null || id.isBlank()) {
        throw ApiException.invalid(at + ".documentId", at + ".documentId: required",
            "添付書類（" + (i + 1) + "件目）の書類IDがありません。");
      }
      if (kind == null || procedure.documentKind(kind).isEmpty()) {
        throw ApiException.invalid(at + ".kind", at + ".kind: must be one of "
            + procedure.documents().stream().map(Procedure.DocumentKind::kind).toList(),
            "添付書類（" + (i + 1) + "件目）の種類は、" + String.join("、", procedure.documents().stream()
                .map(Procedure.DocumentKind::name).toList()) + "のいずれかにしてください。");
      }
      if (!tenantOfDocument.apply(id).filter(tenantId::equals).isPresent()) {
        throw ApiException.invalid(at + ".documentId", at + ".documentId: no document '" + id
            + "' in tenant " + tenantId + " (upload it first with POST /api/v1/documents)",
            "添付書類（" + (i + 1) + "件目）「" + id + "」が見つかりません。");
      }
      out.add(new DocumentRef(id, kind));
    }
    return out;
  }
}
