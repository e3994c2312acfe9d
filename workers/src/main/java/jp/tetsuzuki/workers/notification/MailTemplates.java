package jp.tetsuzuki.workers.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Japanese mail templates: {@code templates/<event>.txt} next to this class, UTF-8, first line {@code 件名: …}, a
 * blank line, then the body. Placeholders {@code {variableName}} take process variables; ISO dates (also inside a
 * text value) are written as {@code 2025年3月28日} and whole numbers with thousands separators. A placeholder without a value is an error, never
 * an empty gap in a letter to a citizen. A value of several lines whose placeholder is indented (「　{correctionReason}」)
 * has every line indented alike.
 */
public class MailTemplates {

  private static final Pattern EVENT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
  private static final String SUBJECT_PREFIX = "件名:";

  private final Map<String, String> sources = new ConcurrentHashMap<>();

  public RenderedMail render(String event, Map<String, ?> values) {
    String source = sources.computeIfAbsent(requireEvent(event), MailTemplates::load);
    int end = source.indexOf('\n');
    String first = end < 0 ? source : source.substring(0, end);
    if (!first.startsWith(SUBJECT_PREFIX)) {
      throw new IllegalStateException("template " + event + " does not start with '" + SUBJECT_PREFIX + "'");
    }
    String subject = fill(event, first.substring(SUBJECT_PREFIX.length()).strip(), values);
    String body = fill(event, source.substring(end + 1).stripLeading(), values);
    return new RenderedMail(subject, body);
  }

  private static String requireEvent(String event) {
    if (event == null || !EVENT.matcher(event).matches()) {
      throw new IllegalArgumentException("notification event '" + event + "' is not a template name");
    }
    return event;
  }

  private static String load(String event) {
    try (InputStream in = MailTemplates.class.getResourceAsStream("templates/" + event + ".txt")) {
      if (in == null) {
        throw new IllegalArgumentException("no mail template for notification event '" + event + "'");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new IllegalStateException("mail template " + event + " unreadable", e);
    }
  }

  private static String fill(String event, String text, Map<String, ?> values) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      String name = placeholder.group(1);
      Object value = values.get(name);
      if (value == null || value.toString().isBlank()) {
        throw new IllegalArgumentException("template " + event + " needs the variable '" + name + "'");
      }
      String indent = indentBefore(text, placeholder.start());
      String formatted = format(value);
      if (!indent.isEmpty()) {
        formatted = formatted.replace("\n", "\n" + indent);
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(formatted));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  /** The blanks (spaces, 全角スペース, tabs) from the start of the line up to {@code at}; empty when other text is there. */
  private static String indentBefore(String text, int at) {
    String line = text.substring(text.lastIndexOf('\n', at - 1) + 1, at);
    return line.chars().allMatch(c -> c == ' ' || c == '\u3000' || c == '\t') ? line : "";
  }

  private static String format(Object value) {
    if (value instanceof LocalDate date) {
      return JAPANESE_DATE.format(date);
    }
    if (value instanceof Date date) {
      return JAPANESE_DATE.format(date.toInstant().atZone(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).toLocalDate());
    }
    if (value instanceof Long || value instanceof Integer) {
      return String.format("%,d", ((Number) value).longValue());
    }
    String text = value.toString();
    // dates inside a text too (a notice written for the case history says 2026-12-16): 2026年12月16日 in a letter
    Matcher date = ISO_DATE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (date.find()) {
      String replacement;
      try {
        replacement = JAPANESE_DATE.format(LocalDate.parse(date.group()));
      } catch (java.time.format.DateTimeParseException e) {
        replacement = date.group();
      }
      date.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    date.appendTail(out);
    return out.toString();
  }
}
