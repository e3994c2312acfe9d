package jp.tetsuzuki.workers.ocr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fields read from a document: key → value and confidence 0..1, and for staff a reason (Japanese) whenever a field is
 * missing, derived, or failed a check. A missing field has value {@code null}, confidence 0 and a reason saying what
 * was looked for. Values are normalised: dates ISO (yyyy-MM-dd), amounts and counts as integers, text without the
 * spaces OCR inserts between Japanese characters.
 */
public record Recognition(Map<String, Field> fields) {

  /** Below this, a person verifies the field before the case continues. */
  public static final double VERIFY_BELOW = 0.80;

  /**
   * @param reason why the field needs a look (missing, derived, inconsistent, implausible), in Japanese for staff;
   *     {@code null} when nothing was found wrong
   * @param derived the value was not read but computed from other fields (e.g. tax = total − subtotals)
   */
  public record Field(String value, double confidence, String reason, boolean derived) {

    public Field(String value, double confidence) {
      this(value, confidence, null, false);
    }

    public Field(String value, double confidence, String reason) {
      this(value, confidence, reason, false);
    }

    public static Field missing() {
      return new Field(null, 0, "読み取れませんでした");
    }

    public static Field missing(String reason) {
      return new Field(null, 0, reason);
    }

    public boolean isMissing() {
      return value == null;
    }

    /** The same value with confidence at most {@code cap}, and the reason added to any earlier one. */
    public Field doubted(double cap, String why) {
      String joined = reason == null ? why : reason.contains(why) ? reason : reason + "／" + why;
      return new Field(value, Math.min(confidence, cap), joined, derived);
    }

    public Field times(double factor) {
      return new Field(value, confidence * factor, reason, derived);
    }
  }

  public Recognition {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public String value(String key) {
    Field field = fields.get(key);
    return field == null ? null : field.value();
  }

  public double confidence(String key) {
    Field field = fields.get(key);
    return field == null ? 0 : field.confidence();
  }

  /** The same values, each below the verification threshold (the page was read only in part). */
  public Recognition unsure() {
    Map<String, Field> lowered = new LinkedHashMap<>();
    fields.forEach((key, field) -> lowered.put(key, field.doubted(VERIFY_BELOW / 2,
        "ページの一部しか読み取れませんでした（時間切れ）")));
    return new Recognition(lowered);
  }

  public boolean needsVerification() {
    return fields.values().stream().anyMatch(f -> f.value() == null || f.confidence() < VERIFY_BELOW);
  }

  /** Keys of the fields that were not found (value null), each with its reason in {@link #fields()}. */
  public java.util.List<String> missing() {
    return fields.entrySet().stream().filter(e -> e.getValue().isMissing()).map(Map.Entry::getKey).toList();
  }

  /**
   * The API's JSON shape: {@code {"fields":{"key":{"value":…,"confidence":0.93}}}}; a field with a reason also has
   * {@code "reason":"…"}, a derived one {@code "derived":true} (added keys: older readers of the JSON ignore them).
   */
  public String toJson() {
    return fields.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":{\"value\":" + json(e.getValue().value()) + ",\"confidence\":"
            + String.format(java.util.Locale.ROOT, "%.3f", e.getValue().confidence())
            + (e.getValue().reason() == null ? "" : ",\"reason\":" + json(e.getValue().reason()))
            + (e.getValue().derived() ? ",\"derived\":true" : "") + "}")
        .collect(Collectors.joining(",", "{\"fields\":{", "}}"));
  }

  private static String json(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
