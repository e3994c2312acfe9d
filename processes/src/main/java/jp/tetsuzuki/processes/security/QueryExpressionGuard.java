package jp.tetsuzuki.processes.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a query carries a forbidden expression. Camunda 7.24.0 evaluates expressions in task queries and
 * their {@code orQueries} even when ad-hoc expressions are disabled; only the side-effect-free helpers the Tasklist
 * offers for filters are let through.
 */
final class QueryExpressionGuard {

  /** {@code ${currentUser()}}, {@code ${currentUserGroups()}}, {@code ${now()}}, {@code ${dateTime().plusDays(3)}}. */
  private static final Pattern SAFE_EXPRESSION = Pattern.compile(
      "\\$\\{\\s*(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(\\.(plus|minus)(Seconds|Minutes|Hours|Days|Weeks|Months|Years)\\(\\d{1,5}\\))*"
          + "(\\.toDate\\(\\))?)\\s*}");

  private static final Pattern ANY_EXPRESSION_START = Pattern.compile("[$#]\\s*\\{");

  private QueryExpressionGuard() {}

  /** The offending text, if the value holds an expression other than the safe helpers. */
  static Optional<String> forbiddenIn(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String rest = SAFE_EXPRESSION.matcher(value).replaceAll("");
    return ANY_EXPRESSION_START.matcher(rest).find() ? Optional.of(abbreviate(value)) : Optional.empty();
  }

  /** Walks every string (keys included) of a JSON document, at any depth, e.g. inside {@code orQueries}. */
  static Optional<String> forbiddenIn(JsonNode node) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return forbiddenIn(node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        Optional<String> found = forbiddenIn(name).or(() -> forbiddenIn(node.get(name)));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> found = forbiddenIn(element);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }
}
