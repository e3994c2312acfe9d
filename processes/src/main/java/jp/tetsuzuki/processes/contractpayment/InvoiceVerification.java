package jp.tetsuzuki.processes.contractpayment;

import static jp.tetsuzuki.bpmn.ContractPayment.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import jp.tetsuzuki.processes.contract.invoice.ScannedInvoice;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The staff verification of a PDF or image invoice ({@code Task_VerifyInvoice}), as plain functions: which OCR fields
 * prefill the form, which are listed for a look (missing, below the confidence threshold, failed a check), what staff
 * may submit (checked here, the field named in the refusal), and the corrections as before → after.
 */
final class InvoiceVerification {

  /** What the recognition JSON may weigh (the OCR worker's output is a few kB). */
  static final int MAX_RECOGNITION = 100_000;
  static final int MAX_TEXT = 200;
  static final int MAX_NOTE = 500;
  static final long MAX_YEN = 1_000_000_000_000L;
  /** As the OCR worker's {@code Recognition.VERIFY_BELOW}: below this, a field is listed for a look. */
  static final double VERIFY_BELOW = 0.80;

  /** Form fields with their Japanese label; OCR reads those with the same key (not the invoice number, not 0 %). */
  static final Map<String, String> LABELS = labels();
  private static final List<String> TEXTS = List.of(REGISTRATION_NUMBER, ISSUER_NAME, RECIPIENT_NAME, INVOICE_NUMBER);
  private static final List<String> DATES = List.of(ISSUE_DATE, TRANSACTION_DATE);
  private static final List<String> AMOUNTS = List.of(SUBTOTAL_10, TAX_10, SUBTOTAL_8, TAX_8, SUBTOTAL_0, TOTAL);
  /** Keys the OCR worker reads ({@code InvoiceReader}). */
  private static final List<String> READ = List.of(REGISTRATION_NUMBER, ISSUER_NAME, ISSUE_DATE, RECIPIENT_NAME,
      SUBTOTAL_10, TAX_10, SUBTOTAL_8, TAX_8, TOTAL);
  private static final ObjectMapper JSON = new ObjectMapper();

  private InvoiceVerification() {}

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(REGISTRATION_NUMBER, "登録番号");
    m.put(ISSUER_NAME, "発行者");
    m.put(ISSUE_DATE, "請求日");
    m.put(TRANSACTION_DATE, "取引年月日");
    m.put(RECIPIENT_NAME, "宛名");
    m.put(INVOICE_NUMBER, "請求書番号");
    m.put(SUBTOTAL_10, "10%対象（税抜）");
    m.put(TAX_10, "10%の消費税額");
    m.put(SUBTOTAL_8, "8%対象（軽減税率、税抜）");
    m.put(TAX_8, "8%の消費税額");
    m.put(SUBTOTAL_0, "非課税・不課税");
    m.put(TOTAL, "請求金額（税込）");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The {@code fields} object of the OCR worker's JSON, or null when it is not that shape. */
  static JsonNode fieldsOf(String recognition) {
    try {
      JsonNode fields = JSON.readTree(recognition).get("fields");
      return fields != null && fields.isObject() ? fields : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** Prefill of the form from what OCR read (null values where nothing was read). */
  static Map<String, Object> prefill(JsonNode fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : LABELS.keySet()) {
      values.put(key, null);
    }
    for (String key : READ) {
      values.put(key, readValue(key, fields == null ? null : fields.get(key)));
    }
    values.put(TRANSACTION_DATE, values.get(ISSUE_DATE));
    values.put(SUBTOTAL_0, 0L);
    return values;
  }

  /** Markdown list of what needs a look, in Japanese. */
  static String toCheck(JsonNode fields) {
    if (fields == null) {
      return "**OCR で読み取れませんでした。** 原本を見て、すべての項目を入力してください。";
    }
    List<String> doubts = new ArrayList<>();
    for (String key : READ) {
      JsonNode read = fields.get(key);
      String label = LABELS.get(key);
      if (read == null || read.get("value") == null || read.get("value").isNull()) {
        doubts.add("- ⚠ **" + label + "**: 読み取れませんでした（未入力）");
      } else if (read.path("confidence").asDouble(0) < VERIFY_BELOW || read.hasNonNull("reason")) {
        doubts.add("- ⚠ **" + label + "**: 確信度 " + Math.round(read.path("confidence").asDouble(0) * 100) + "%"
            + (read.hasNonNull("reason") ? "（" + bounded(read.get("reason").asText(), MAX_TEXT) + "）" : ""));
      }
    }
    return doubts.isEmpty() ? "確認が必要な項目はありません（すべて確信度 80% 以上）。原本と照合してください。"
        : "**次の項目を原本と照合してください:**\n\n" + String.join("\n", doubts)
            + "\n\n取引年月日は請求日を仮に入れています。原本の取引年月日（または請求期間の末日）に直してください。";
  }

  /** What staff submitted, checked; a bad value is refused naming the field (Japanese and English). */
  static Map<String, Object> confirmed(Function<String, Object> submitted) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String key : TEXTS) {
      values.put(key, text(submitted.apply(key), key));
    }
    String number = (String) values.get(REGISTRATION_NUMBER);
    if (number != null) {
      String plain = java.text.Normalizer.normalize(number, java.text.Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
      values.put(REGISTRATION_NUMBER, plain.toUpperCase());
    }
    for (String key : DATES) {
      values.put(key, date(submitted.apply(key), key));
    }
    LocalDate today = ContractPaymentSteps.today();
    for (String key : DATES) {
      if (values.get(key) != null && LocalDate.parse((String) values.get(key)).isAfter(today)) {
        throw refused(key, LABELS.get(key) + "が未来の日付です。", "must not be in the future");
      }
    }
    for (String key : AMOUNTS) {
      values.put(key, yen(submitted.apply(key), key));
    }
    if (values.get(TOTAL) == null) {
      throw refused(TOTAL, "請求金額（税込）を入力してください。", "is required");
    }
    return values;
  }

  /** Each field OCR reads whose confirmed value differs from what it read: 「登録番号: T… → T…」. */
  static List<String> corrections(JsonNode read, Map<String, Object> confirmed) {
    Map<String, Object> before = prefill(read);
    List<String> corrections = new ArrayList<>();
    for (String key : READ) {
      Object was = before.get(key);
      Object now = confirmed.get(key);
      if (!Objects.equals(was == null ? null : String.valueOf(was), now == null ? null : String.valueOf(now))) {
        corrections.add(LABELS.get(key) + ": " + shown(was) + " → " + shown(now));
      }
    }
    return corrections;
  }

  /** The fields OCR does not read that staff entered or changed from the default: 「非課税・不課税 3490」. */
  static List<String> entered(JsonNode read, Map<String, Object> confirmed) {
    Map<String, Object> before = prefill(read);
    List<String> entered = new ArrayList<>();
    for (String key : LABELS.keySet()) {
      Object was = before.get(key);
      Object now = confirmed.get(key);
      if (!READ.contains(key) && now != null && !Objects.equals(was == null ? null : String.valueOf(was),
          String.valueOf(now))) {
        entered.add(LABELS.get(key) + " " + now);
      }
    }
    return entered;
  }

  static String comment(Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      return null;
    }
    if (s.length() > MAX_NOTE) {
      throw new BadUserRequestException("備考は " + MAX_NOTE + " 文字以内で入力してください。 / comment: at most " + MAX_NOTE
          + " characters");
    }
    return s.strip();
  }

  static String json(Map<String, Object> confirmed) {
    try {
      return JSON.writeValueAsString(confirmed);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ScannedInvoice scanned(String verifiedJson) {
    try {
      JsonNode v = JSON.readTree(verifiedJson);
      return new ScannedInvoice(str(v, INVOICE_NUMBER), str(v, REGISTRATION_NUMBER), str(v, ISSUER_NAME),
          day(v, ISSUE_DATE), day(v, TRANSACTION_DATE), str(v, RECIPIENT_NAME), amount(v, SUBTOTAL_10),
          amount(v, TAX_10), amount(v, SUBTOTAL_8), amount(v, TAX_8), amount(v, SUBTOTAL_0), amount(v, TOTAL));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("verified fields are not JSON", e);
    }
  }

  // ---- helpers

  private static Object readValue(String key, JsonNode field) {
    if (field == null || field.get("value") == null || field.get("value").isNull()) {
      return null;
    }
    String value = field.get("value").asText();
    if (AMOUNTS.contains(key)) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return bounded(value, MAX_TEXT);
  }

  private static String text(Object value, String key) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw refused(key, LABELS.get(key) + "は文字で入力してください。", "must be text");
    }
    if (s.length() > MAX_TEXT || s.contains("\n") || s.contains("\r")) {
      throw refused(key, LABELS.get(key) + "は1行、" + MAX_TEXT + " 文字以内で入力してください。", "one line of at most "
          + MAX_TEXT + " characters");
    }
    // the invoice number is stored, shown and mailed as an e-invoice's cbc:ID is: no control or format characters,
    // at most 100 characters (attack review 3 A6); the other texts: no control or format characters either
    String problem = INVOICE_NUMBER.equals(key) ? ContractCases.invoiceNumberProblem(s.strip())
        : ContractCases.controlCharacterProblem(s.strip());
    if (problem != null) {
      throw refused(key, LABELS.get(key) + (INVOICE_NUMBER.equals(key) ? "は" + ContractCases.MAX_INVOICE_NUMBER
          + " 文字以内で、" : "は") + "制御文字などを含まない1行の文字列で入力してください。", problem);
    }
    return s.strip();
  }

  private static String date(Object value, String key) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(String.valueOf(value)).toString();
    } catch (DateTimeParseException e) {
      throw refused(key, LABELS.get(key) + "は日付（YYYY-MM-DD）で入力してください。", "must be an ISO date");
    }
  }

  private static Long yen(Object value, String key) {
    if (value == null || value instanceof String s && s.isBlank()) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw refused(key, LABELS.get(key) + "は円の金額（数字）で入力してください。", "must be a number of yen");
    }
    if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(MAX_YEN)) > 0
        || amount.stripTrailingZeros().scale() > 0) {
      throw refused(key, LABELS.get(key) + "は 0 円以上の円単位の金額で入力してください。", "must be whole yen, 0.."
          + MAX_YEN);
    }
    return amount.longValueExact();
  }

  private static BadUserRequestException refused(String key, String ja, String en) {
    return new BadUserRequestException(ja + " / " + key + ": " + en);
  }

  private static String shown(Object value) {
    return value == null ? "（なし）" : String.valueOf(value);
  }

  private static String bounded(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  private static String str(JsonNode v, String key) {
    return v.hasNonNull(key) ? v.get(key).asText() : null;
  }

  private static LocalDate day(JsonNode v, String key) {
    return v.hasNonNull(key) ? LocalDate.parse(v.get(key).asText()) : null;
  }

  private static Long amount(JsonNode v, String key) {
    return v.hasNonNull(key) ? v.get(key).asLong() : null;
  }
}
