package jp.tetsuzuki.workers.ocr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fields read from a document: key → value and confidence 0..1. A missing field has value {@code null} and
 * confidence 0. Values are normalised: dates ISO (yyyy-MM-dd), amounts and counts as integers, text without the
 * spaces OCR inserts between Japanese characters.
 */
public record Recognition(Map<String, Field> fields) {

  /** Below this, a person verifies the field before the case continues. */
  public static final double VERIFY_BELOW = 0.80;

  public record Field(String value, double confidence) {
    public static Field missing() {
      return new Field(null, 0);
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
    fields.forEach((key, field) -> lowered.put(key, new Field(field.value(),
        Math.min(field.confidence(), VERIFY_BELOW / 2))));
    return new Recognition(lowered);
  }

  public boolean needsVerification() {
    return fields.values().stream().anyMatch(f -> f.value() == null || f.confidence() < VERIFY_BELOW);
  }

  /** The API's JSON shape: {@code {"fields":{"key":{"value":…,"confidence":0.93}}}}. */
  public String toJson() {
    return fields.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":{\"value\":" + json(e.getValue().value()) + ",\"confidence\":"
            + String.format(java.util.Locale.ROOT, "%.3f", e.getValue().confidence()) + "}")
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
