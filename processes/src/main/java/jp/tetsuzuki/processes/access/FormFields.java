package jp.tetsuzuki.processes.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fields of a Camunda Form (form-js JSON): the keys a person may fill in, and the keys that only display case
 * data (read-only or disabled). A task or start form accepts the first and never writes the second.
 */
public record FormFields(Set<String> editable, Set<String> displayOnly) {

  public static FormFields of(JsonNode form) {
    Set<String> editable = new LinkedHashSet<>();
    Set<String> displayOnly = new LinkedHashSet<>();
    collect(form.path("components"), editable, displayOnly);
    return new FormFields(Set.copyOf(editable), Set.copyOf(displayOnly));
  }

  private static void collect(JsonNode components, Set<String> editable, Set<String> displayOnly) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      String type = component.path("type").asText("");
      if (!key.isEmpty() && !"button".equals(type)) {
        boolean display = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false)
            || "text".equals(type) || "html".equals(type);
        (display ? displayOnly : editable).add(key);
      }
      collect(component.path("components"), editable, displayOnly);
    }
  }
}
