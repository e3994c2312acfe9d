package jp.tetsuzuki.processes.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The case variables a Camunda Form (form-js JSON) needs to be shown: its fields' keys, the variables its option lists
 * name ({@code valuesKey}) and the names its expressions ({@code =applicationDetails}, {@code hide: =…}) and templates
 * ({@code {{name}}}) read. People read a task's variables only through its form: the edge hands out these and no
 * other (the reviewer, the decider, the legacy-entry audit trail stay in the case). Plain Java.
 */
public final class FormVariableNames {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^}]*)}}");

  private FormVariableNames() {}

  public static Set<String> of(JsonNode form) {
    Set<String> names = new LinkedHashSet<>();
    collect(form.path("components"), names);
    return Set.copyOf(names);
  }

  private static void collect(JsonNode components, Set<String> names) {
    for (JsonNode component : components) {
      String key = component.path("key").asText("");
      if (!key.isEmpty() && !"button".equals(component.path("type").asText(""))) {
        names.add(key);
      }
      String valuesKey = component.path("valuesKey").asText("");
      if (!valuesKey.isEmpty()) {
        names.add(valuesKey);
      }
      expressions(component, names);
      collect(component.path("components"), names);
    }
  }

  /** Names read by the component's own expressions and templates (not those of nested components). */
  private static void expressions(JsonNode node, Set<String> names) {
    node.fields().forEachRemaining(entry -> {
      if ("components".equals(entry.getKey())) {
        return;
      }
      JsonNode value = entry.getValue();
      if (value.isTextual()) {
        String text = value.asText();
        if (text.startsWith("=")) {
          identifiers(text.substring(1), names);
        }
        Matcher template = TEMPLATE.matcher(text);
        while (template.find()) {
          identifiers(template.group(1), names);
        }
      } else if (value.isObject() || value.isArray()) {
        expressions(value, names);
      }
    });
  }

  private static void identifiers(String expression, Set<String> names) {
    // string literals name nothing
    Matcher name = NAME.matcher(expression.replaceAll("\"[^\"]*\"", ""));
    while (name.find()) {
      names.add(name.group());
    }
  }
}
