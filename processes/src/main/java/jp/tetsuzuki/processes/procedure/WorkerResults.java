package jp.tetsuzuki.processes.procedure;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what a worker completed a task with as untrusted input: a worker may complete with any variables, so a step
 * takes only the variables it expects, of the expected type, bounded, and ignores the rest. Plain Java.
 */
final class WorkerResults {

  private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

  private WorkerResults() {}

  /** A text of at most {@code max} characters (longer is cut, marked with …), control characters removed. */
  static Optional<String> text(Object value, int max) {
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    String clean = CONTROL.matcher(text).replaceAll("").strip();
    return Optional.of(clean.length() <= max ? clean : clean.substring(0, max - 1) + "…");
  }

  /** A value that matches {@code pattern} entirely, or nothing. */
  static Optional<String> matching(Object value, Pattern pattern) {
    return value instanceof String text && pattern.matcher(text).matches() ? Optional.of(text) : Optional.empty();
  }

  /** A whole number in {@code [min, max]}, or nothing. */
  static Optional<Long> number(Object value, long min, long max) {
    if (value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= min
        && n.longValue() <= max) {
      return Optional.of(n.longValue());
    }
    return Optional.empty();
  }
}
