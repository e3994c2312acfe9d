package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.api.ApiException;

/**
 * The Tasklist's start form of {@code administrative-procedure} for staff registering a paper application (紙の申請書),
 * generated from the procedure catalog: the procedures to choose from, the arrival date, the applicant, and one typed
 * field per catalog field, shown only for the chosen procedure (form-js {@code conditional.hide}, FEEL). Keys of data
 * fields are {@code <procedureCode>__<fieldKey>}, so two procedures' fields never clash. Individual numbers are not
 * offered: a start form's values become process variables and history, where a マイナンバー must never be. Also
 * reads a submitted form back into the submission the application service checks. Plain Java.
 */
public final class PaperApplicationForm {

  /** The applicant's fields of the form and the API's names for them. */
  static final Map<String, String> APPLICANT_KEYS = applicantKeys();

  private static final ObjectMapper JSON = new ObjectMapper();

  private PaperApplicationForm() {}

  private static Map<String, String> applicantKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put(APPLICANT_NAME, "name");
    keys.put(APPLICANT_ADDRESS, "address");
    keys.put(APPLICANT_PHONE, "phone");
    keys.put(APPLICANT_EMAIL, "email");
    keys.put(APPLICANT_CORPORATE_NUMBER, "corporateNumber");
    return java.util.Collections.unmodifiableMap(keys);
  }

  /** The form key of a catalog data field. */
  public static String dataKey(String procedureCode, String fieldKey) {
    return procedureCode + DATA_FIELD_SEPARATOR + fieldKey;
  }

  /** The form-js JSON of the start form for every procedure of the catalog (what is deployed). */
  public static ObjectNode form(ProcedureCatalog catalog) {
    Set<String> tenants = new TreeSet<>();
    catalog.all().forEach(p -> tenants.addAll(p.tenants()));
    return form(catalog, tenants, Function.identity());
  }

  /**
   * The form with the tenant choice narrowed to {@code tenants} (labelled by {@code tenantName}), and only the
   * procedures offered in one of them. The deployed form ({@link #form(ProcedureCatalog)}) names all catalog tenants;
   * the server checks the staff member's tenants whatever the form offered.
   */
  public static ObjectNode form(ProcedureCatalog catalog, Collection<String> tenants,
      Function<String, String> tenantName) {
    ObjectNode form = JSON.createObjectNode();
    form.put("$schema", "https://unpkg.com/@bpmn-io/form-json-schema/resources/schema.json");
    form.put("type", "default");
    form.put("schemaVersion", 16);
    form.put("executionPlatform", "Camunda Platform");
    form.put("executionPlatformVersion", "7.24.0");
    form.put("id", FORM_START);
    ArrayNode components = form.putArray("components");
    text(components, "Text_Intro", "## 紙の申請書の登録\n\n窓口や郵送で届いた申請書を登録します。標準処理期間は実際に到達した日の翌日から"
        + "数えます。入力内容はオンライン申請と同じ基準で確認されます。");
    ObjectNode tenant = field(components, "Field_TenantId", TENANT_ID, "select", "自治体", true);
    ArrayNode tenantValues = tenant.putArray("values");
    tenants.forEach(t -> option(tenantValues, tenantName.apply(t), t));
    if (tenants.size() == 1) {
      tenant.put("defaultValue", tenants.iterator().next());
    }
    ObjectNode procedure = field(components, "Field_ProcedureCode", PROCEDURE_CODE, "select", "手続", true);
    ArrayNode procedureValues = procedure.putArray("values");
    var offered = catalog.all().stream().filter(p -> p.tenants().stream().anyMatch(tenants::contains)).toList();
    offered.forEach(p -> option(procedureValues, p.name(), p.code()));
    ObjectNode received = field(components, "Field_ReceivedOn", RECEIVED_ON, "datetime", null, true);
    received.put("subtype", "date");
    received.put("dateLabel", "到達日（受付印の日付）");
    textField(components, APPLICANT_NAME, ApplicationRequests.APPLICANT_LABELS.get("name"), true,
        jp.tetsuzuki.processes.api.TextLimits.NAME);
    textField(components, APPLICANT_ADDRESS, ApplicationRequests.APPLICANT_LABELS.get("address"), false,
        jp.tetsuzuki.processes.api.TextLimits.ADDRESS);
    textField(components, APPLICANT_PHONE, ApplicationRequests.APPLICANT_LABELS.get("phone"), false,
        jp.tetsuzuki.processes.api.TextLimits.PHONE);
    textField(components, APPLICANT_EMAIL, ApplicationRequests.APPLICANT_LABELS.get("email"), false,
        jp.tetsuzuki.processes.api.TextLimits.EMAIL);
    textField(components, APPLICANT_CORPORATE_NUMBER, ApplicationRequests.APPLICANT_LABELS.get("corporateNumber"),
        false, jp.tetsuzuki.processes.api.TextLimits.CORPORATE_NUMBER);
    field(components, "Field_PaperDocumentsReceived", PAPER_DOCUMENTS_RECEIVED, "checkbox",
        "必要書類はすべて紙で受領済み", false);
    for (Procedure p : offered) {
      String hidden = "=" + PROCEDURE_CODE + " != \"" + p.code() + "\"";
      ObjectNode heading = text(components, "Text_" + id(p.code()), "### " + p.name() + "の申請内容");
      heading.putObject("conditional").put("hide", hidden);
      for (Procedure.Field f : p.fields()) {
        if ("individual-number".equals(f.type())) {
          continue;
        }
        ObjectNode c = switch (f.type()) {
          case "number" -> field(components, null, dataKey(p.code(), f.key()), "number", f.label(), f.required());
          case "boolean" -> field(components, null, dataKey(p.code(), f.key()), "checkbox", f.label(), false);
          case "date" -> {
            ObjectNode date = field(components, null, dataKey(p.code(), f.key()), "datetime", null, f.required());
            date.put("subtype", "date");
            date.put("dateLabel", f.label());
            yield date;
          }
          case "corporate-number", "invoice-registration-number" -> {
            ObjectNode id = field(components, null, dataKey(p.code(), f.key()), "textfield", f.label(),
                f.required());
            id.put("description", "corporate-number".equals(f.type()) ? "13桁の数字（ハイフン可）"
                : "T と13桁の数字");
            yield id;
          }
          default -> {
            ObjectNode text = field(components, null, dataKey(p.code(), f.key()), "textfield", f.label(),
                f.required());
            ((ObjectNode) text.get("validate")).put("maxLength", jp.tetsuzuki.processes.api.TextLimits.DATA_VALUE);
            yield text;
          }
        };
        c.putObject("conditional").put("hide", hidden);
      }
    }
    return form;
  }

  /** The form as deployed (stable text, so an unchanged catalog deploys nothing new). */
  public static String json(ProcedureCatalog catalog) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(form(catalog));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The submission of a filled-in form, for {@link ApplicationService#registerPaper}: the applicant's fields and the
   * chosen procedure's data fields, typed as the form sent them, so the service checks them as it checks the API's.
   *
   * @throws ApiException (Japanese for staff) when a data field of another procedure was sent
   */
  public static ApplicationService.Submission submission(ProcedureCatalog catalog, Map<String, Object> variables) {
    String tenantId = text(variables.get(TENANT_ID));
    String code = text(variables.get(PROCEDURE_CODE));
    ObjectNode applicant = JSON.createObjectNode();
    APPLICANT_KEYS.forEach((formKey, apiKey) -> {
      Object value = variables.get(formKey);
      if (value != null) {
        applicant.set(apiKey, JSON.valueToTree(value));
      }
    });
    ObjectNode data = JSON.createObjectNode();
    for (var entry : variables.entrySet()) {
      int at = entry.getKey().indexOf(DATA_FIELD_SEPARATOR);
      if (at <= 0 || entry.getValue() == null) {
        continue;
      }
      String procedureCode = entry.getKey().substring(0, at);
      String fieldKey = entry.getKey().substring(at + DATA_FIELD_SEPARATOR.length());
      if (!procedureCode.equals(code)) {
        String label = catalog.find(procedureCode).flatMap(p -> p.field(fieldKey)).map(Procedure.Field::label)
            .orElse(fieldKey);
        String name = catalog.find(code).map(Procedure::name).orElse(String.valueOf(code));
        throw ApiException.invalid("data." + fieldKey, entry.getKey() + ": not a field of procedure " + code,
            "「" + label + "」は手続「" + name + "」の申請内容ではありません。");
      }
      data.set(fieldKey, JSON.valueToTree(entry.getValue()));
    }
    return new ApplicationService.Submission(code, tenantId, date(variables.get(RECEIVED_ON)), applicant, data,
        null);
  }

  /** The variables of a submitted form that only carried the application's content (kept in the record instead). */
  public static Set<String> contentKeys(Map<String, Object> variables) {
    Set<String> keys = new TreeSet<>();
    variables.keySet().stream().filter(k -> k.indexOf(DATA_FIELD_SEPARATOR) > 0).forEach(keys::add);
    APPLICANT_KEYS.keySet().stream().filter(k -> !APPLICANT_NAME.equals(k) && variables.containsKey(k))
        .forEach(keys::add);
    return keys;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** A date as form-js sends it (YYYY-MM-DD), or as a Java client may (a Date, taken in Tokyo). */
  private static String date(Object value) {
    if (value instanceof Date d) {
      return d.toInstant().atZone(JapanTime.ZONE).toLocalDate().toString();
    }
    if (value instanceof LocalDate d) {
      return d.toString();
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString();
    // a date picker that sends a local date-time ("2026-11-13T00:00") means its day
    return text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text;
  }

  private static String id(String code) {
    StringBuilder out = new StringBuilder();
    for (String part : code.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  private static ObjectNode text(ArrayNode components, String id, String text) {
    ObjectNode c = components.addObject();
    c.put("id", id);
    c.put("type", "text");
    c.put("text", text);
    return c;
  }

  private static void textField(ArrayNode components, String key, String label, boolean required, int maxLength) {
    ObjectNode c = field(components, null, key, "textfield", label, required);
    ((ObjectNode) c.get("validate")).put("maxLength", maxLength);
  }

  private static ObjectNode field(ArrayNode components, String id, String key, String type, String label,
      boolean required) {
    ObjectNode c = components.addObject();
    String[] parts = key.split(DATA_FIELD_SEPARATOR, 2);
    c.put("id", id != null ? id : "Field_" + (parts.length == 2 ? id(parts[0]) + "_" + parts[1] : id(key)));
    c.put("key", key);
    c.put("type", type);
    if (label != null) {
      c.put("label", label);
    }
    ObjectNode validate = c.putObject("validate");
    if (required) {
      validate.put("required", true);
    }
    return c;
  }

  private static void option(ArrayNode values, String label, String value) {
    values.addObject().put("label", label).put("value", value);
  }
}
