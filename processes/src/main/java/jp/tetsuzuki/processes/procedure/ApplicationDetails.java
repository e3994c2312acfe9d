package jp.tetsuzuki.processes.procedure;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * What the applicant submitted, for the reviewer to read: the catalog's data fields of the procedure in catalog order,
 * each with its label and its value written for people (dates as 2027年1月4日, amounts with separators, yes/no), as a
 * Markdown table the review form shows as text (never an input, so it is neither submitted nor changeable there).
 * Applicant text is escaped, so it cannot add links, images or markup. Individual numbers are never shown. Plain Java.
 */
public final class ApplicationDetails {

  static final String NOT_GIVEN = "（記入なし）";
  static final int MAX_VALUE = 500;

  private ApplicationDetails() {}

  public static String markdown(Procedure procedure, Map<String, Object> data) {
    StringBuilder out = new StringBuilder("#### 申請内容（").append(escape(procedure.name())).append("）\n\n")
        .append("| 項目 | 申請者の記入 |\n|---|---|\n");
    for (Procedure.Field field : procedure.fields()) {
      if ("individual-number".equals(field.type())) {
        continue;
      }
      out.append("| ").append(escape(field.label())).append(" | ").append(value(field, data.get(field.key())))
          .append(" |\n");
    }
    return out.toString();
  }

  static String value(Procedure.Field field, Object value) {
    if (value == null || value.toString().isBlank()) {
      return NOT_GIVEN;
    }
    switch (field.type()) {
      case "boolean" -> {
        return Boolean.TRUE.equals(value) || "true".equals(value.toString()) ? "はい" : "いいえ";
      }
      case "date" -> {
        try {
          LocalDate date = LocalDate.parse(value.toString());
          return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        } catch (DateTimeParseException e) {
          return escape(value.toString());
        }
      }
      case "number" -> {
        try {
          NumberFormat format = NumberFormat.getNumberInstance(Locale.JAPAN);
          format.setMaximumFractionDigits(6);
          return format.format(new BigDecimal(value.toString()));
        } catch (NumberFormatException e) {
          return escape(value.toString());
        }
      }
      default -> {
        return escape(value.toString());
      }
    }
  }

  /**
   * Applicant text as literal Markdown in a table cell: one line, bounded, and every ASCII punctuation character
   * escaped (CommonMark lets a backslash escape any of them, and the escaped character is plain text). So no markup,
   * link, image or HTML, and no GFM autolink either: {@code https://…}, {@code www.…}, {@code mailto:} and
   * {@code a@b.example} need an unescaped {@code :}, {@code .} or {@code @} to be recognised. Also used for the
   * outside texts of the contract-payment forms (review F21).
   */
  public static String escape(String text) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    if (line.length() > MAX_VALUE) {
      line = line.substring(0, MAX_VALUE) + "…";
    }
    StringBuilder out = new StringBuilder(line.length() + 8);
    for (char c : line.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> {
          if (c < 0x80 && PUNCTUATION.indexOf(c) >= 0) {
            out.append('\\');
          } else if (Character.isISOControl(c)) {
            continue;
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /** ASCII punctuation as CommonMark defines it: each may be backslash-escaped. */
  private static final String PUNCTUATION = "!\"#$%'()*+,-./:;=?@[\\]^_`{|}~";
}
