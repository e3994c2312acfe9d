package jp.tetsuzuki.processes.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The Japanese texts of the case history and the notices, from one bundle ({@code events.properties} next to this
 * class, UTF-8). A missing key is a programming error and fails at once, never a blank line in a case.
 */
public final class EventTexts {

  private static final Properties TEXTS = load();

  private EventTexts() {}

  /** The text of {@code key} with its {@code {0}}, {@code {1}} … filled in. */
  public static String text(String key, Object... arguments) {
    String pattern = TEXTS.getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no text '" + key + "' in events.properties");
    }
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.JAPAN).format(arguments);
  }

  /** {@code （comment）}, or nothing without a comment. */
  static String inParentheses(Object comment) {
    return comment == null || comment.toString().isBlank() ? "" : text("in-parentheses", comment);
  }

  static boolean has(String key) {
    return TEXTS.containsKey(key);
  }

  private static Properties load() {
    try (InputStream in = EventTexts.class.getResourceAsStream("events.properties")) {
      if (in == null) {
        throw new IllegalStateException("events.properties is missing");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
