package jp.tetsuzuki.processes.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code GET task/{id}/form-variables} as the engine receives it from a person: its {@code variableNames} replaced
 * by the names the task's form shows (intersected with those the caller asked for), so the answer holds nothing else.
 */
final class VariableNamesRequest extends HttpServletRequestWrapper {

  /** Asked for when no name is allowed: a name no variable has (variable names are Java-like identifiers). */
  static final String NONE = "-";
  static final String PARAMETER = "variableNames";

  private final Map<String, String[]> parameters;
  private final String query;

  VariableNamesRequest(HttpServletRequest request, Set<String> allowed) {
    super(request);
    Set<String> names = new TreeSet<>(allowed);
    String asked = request.getParameter(PARAMETER);
    if (asked != null) {
      Set<String> wanted = new TreeSet<>();
      for (String name : asked.split(",")) {
        wanted.add(name.trim());
      }
      names.retainAll(wanted);
    }
    String value = names.isEmpty() ? NONE : String.join(",", names);
    Map<String, String[]> copy = new LinkedHashMap<>(request.getParameterMap());
    copy.put(PARAMETER, new String[] {value});
    this.parameters = Collections.unmodifiableMap(copy);
    StringBuilder q = new StringBuilder();
    copy.forEach((k, values) -> {
      for (String v : values) {
        if (!q.isEmpty()) {
          q.append('&');
        }
        q.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    });
    this.query = q.toString();
  }

  @Override
  public String getQueryString() {
    return query;
  }

  @Override
  public String getParameter(String name) {
    String[] values = parameters.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters;
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters.keySet());
  }

  @Override
  public String[] getParameterValues(String name) {
    return parameters.get(name);
  }
}
