package jp.tetsuzuki.processes.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a Camunda Form (form-js JSON): the keys a person may fill in, and the keys that only display case
 * data (read-only or disabled). A task or start form accepts the first and never writes the second. For the editable
 * ones also the label people read and the longest text they may send: the form's {@code maxLength}, never more than
 * {@link #MAX_TEXT} (the engine keeps a variable's text in VARCHAR(4000)).
 */
public record FormFields(Set<String> editable, Set<String> displayOnly, Map<String, String> labels,
    Map<String, Integer> maxLengths) {

  /** The longest text value the engine stores as a variable. */
  public static final int MAX_TEXT = 4000;

  public FormFields(Set<String> editable, Set<String> displayOnly) {
    this(editable, displayOnly, Map.of(), Map.of());
  }

  public static FormFields of(JsonNode form) {
    Set<String> editable = new LinkedHashSet<>();
    Set<String> displayOnly = new LinkedHashSet<>();
    Map<String, String> labels = new LinkedHashMap<>();
    Map<String, Integer> maxLengths = new LinkedHashMap<>();
    collect(form.path("components"), editable, displayOnly, labels, maxLengths);
    return new FormFields(Set.copyOf(editable), Set.copyOf(displayOnly), Map.copyOf(labels), Map.copyOf(maxLengths));
  }

  /** The longest text {@code key} takes. */
  public int maxLength(String key) {
    return Math.min(MAX_TEXT, maxLengths.getOrDefault(key, MAX_TEXT));
  }

  /** The field's label as people read it, or its key. */
  public String label(String key) {
    String label = labels.get(key);
    return label == null || label.isBlank() ? key : label;
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> displayOnly,
      Map<String, String> labels, Map<String, Integer> maxLengths) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      String type = component.path("type").asText("");
      if (!key.isEmpty() && !"button".equals(type)) {
        boolean display = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)
            || "text".equals(type) || "html".equals(type);
        (display ? displayOnly : editable).add(key);
        if (!display) {
          String label = component.path("label").asText("");
          if (!label.isBlank()) {
            labels.putIfAbsent(key, label);
          }
          JsonNode max = component.path("validate").path("maxLength");
          if (max.canConvertToInt() && max.asInt() > 0) {
            maxLengths.merge(key, max.asInt(), Math::min);
          }
        }
      }
      collect(component.path("components"), editable, displayOnly, labels, maxLengths);
    }
  }
}
