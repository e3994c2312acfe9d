package jp.tetsuzuki.workers.ocr;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalisation of what forms and OCR write: full-width characters, 和暦 dates, times, yen amounts. */
public final class JapaneseText {

  private static final Pattern ERA_DATE = Pattern.compile(
      "(令和|平成|昭和|R|H|S)\\s*(元|\\d{1,2})\\s*[年.．/]\\s*(\\d{1,2})\\s*[月.．/]\\s*(\\d{1,2})\\s*日?");
  private static final Pattern WESTERN_DATE = Pattern.compile(
      "((?:19|20)\\d{2})\\s*[年./-]\\s*(\\d{1,2})\\s*[月./-]\\s*(\\d{1,2})\\s*日?");
  /** Thousands separators as OCR reads them: a comma, a period, or both (",." for a comma with a speck). */
  private static final Pattern YEN = Pattern.compile("[¥\\\\]?\\s*(\\d{1,3}(?:[,.]{1,2}\\d{3})+|\\d+)\\s*円?");
  private static final Pattern TIME = Pattern.compile("(\\d{1,2})\\s*(?:時|:)\\s*(\\d{1,2})?\\s*分?");

  private JapaneseText() {}

  /** NFKC (full-width digits and Latin to half-width, half-width kana to full-width) and trimmed. */
  public static String nfkc(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
  }

  /** Removes white space, which OCR puts between Japanese characters at random. */
  public static String compact(String text) {
    return nfkc(text).replaceAll("\\s+", "");
  }

  /** A value found in a text, with where it stood (indexes into the NFKC text). */
  public record Found<T>(T value, int start, int end) {}

  /** 令和7年4月1日, R7.4.1, 平成元年5月1日, 2025年4月1日, 2025/4/1 → the date. */
  public static Optional<LocalDate> date(String text) {
    return dateAt(text).map(Found::value);
  }

  /** The date and where it stands in {@code nfkc(text)}. */
  public static Optional<Found<LocalDate>> dateAt(String text) {
    String t = nfkc(text);
    Matcher era = ERA_DATE.matcher(t);
    if (era.find()) {
      int start = era.start();
      int end = era.end();
      return eraDate(era).map(d -> new Found<>(d, start, end));
    }
    Matcher western = WESTERN_DATE.matcher(t);
    if (western.find()) {
      return of(Integer.parseInt(western.group(1)), western.group(2), western.group(3))
          .map(d -> new Found<>(d, western.start(), western.end()));
    }
    return Optional.empty();
  }

  private static final Pattern MISREAD_ERA = Pattern.compile(
      "(?<![\\p{IsHan}])([^\\s\\d])(和|成)\\s*(元|\\d{1,2})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?");

  /**
   * A date whose era name has its first character misread (偽和7年 for 令和7年, 乎成 for 平成): ?和 is 令和 when the
   * year fits 令和 so far, else 昭和; ?成 is 平成. For the caller to flag: the era was inferred, not read.
   */
  public static Optional<Found<LocalDate>> dateWithMisreadEra(String text, LocalDate today) {
    Matcher m = MISREAD_ERA.matcher(nfkc(text));
    if (!m.find()) {
      return Optional.empty();
    }
    int year = m.group(3).equals("元") ? 1 : Integer.parseInt(m.group(3));
    Era era = m.group(2).equals("成") ? Era.HEISEI : year <= today.getYear() - Era.REIWA.offset ? Era.REIWA : Era.SHOWA;
    return of(year + era.offset, m.group(4), m.group(5)).filter(era::contains)
        .map(d -> new Found<>(d, m.start(), m.end()));
  }

  private static Optional<LocalDate> eraDate(Matcher era) {
    {
      int year = era.group(2).equals("元") ? 1 : Integer.parseInt(era.group(2));
      Era name = switch (era.group(1)) {
        case "令和", "R" -> Era.REIWA;
        case "平成", "H" -> Era.HEISEI;
        default -> Era.SHOWA;
      };
      // 平成35年 or 昭和70年 is a misread year (a digit added, or one of two lost): no date rather than a wrong one
      return of(year + name.offset, era.group(3), era.group(4)).filter(name::contains);
    }
  }

  /** The eras a living person's or a form's date falls in, with their first and last days. */
  enum Era {
    SHOWA(1925, LocalDate.of(1926, 12, 25), LocalDate.of(1989, 1, 7)),
    HEISEI(1988, LocalDate.of(1989, 1, 8), LocalDate.of(2019, 4, 30)),
    REIWA(2018, LocalDate.of(2019, 5, 1), LocalDate.MAX);

    final int offset;
    final LocalDate first;
    final LocalDate last;

    Era(int offset, LocalDate first, LocalDate last) {
      this.offset = offset;
      this.first = first;
      this.last = last;
    }

    boolean contains(LocalDate date) {
      return !date.isBefore(first) && !date.isAfter(last);
    }
  }

  private static Optional<LocalDate> of(int year, String month, String day) {
    try {
      return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** ¥1,234 / 1,234円 / ￥１，２３４ / 1,.234円 → 1234 (OCR reads ¥ as a backslash at times). */
  public static OptionalLong yen(String text) {
    return yenAt(text).map(f -> OptionalLong.of(f.value())).orElse(OptionalLong.empty());
  }

  /** The first amount and where its digits stand in {@code nfkc(text)}. */
  public static Optional<Found<Long>> yenAt(String text) {
    Matcher m = YEN.matcher(nfkc(text));
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(new Found<>(Long.parseLong(m.group(1).replaceAll("[,.]", "")), m.start(1), m.end(1)));
  }

  /** Every amount in the text, in order (percentages such as 10% are not amounts). */
  public static java.util.List<Long> yenAll(String text) {
    java.util.List<Long> out = new java.util.ArrayList<>();
    Matcher m = YEN.matcher(nfkc(text).replaceAll("\\d+(?:\\.\\d+)?\\s*[%％]", " "));
    while (m.find()) {
      out.add(Long.parseLong(m.group(1).replaceAll("[,.]", "")));
    }
    return out;
  }

  /** 9時00分 / 9:00 → minutes after midnight. */
  public static Optional<Integer> minutesOfDay(String text) {
    Matcher m = TIME.matcher(nfkc(text));
    if (!m.find()) {
      return Optional.empty();
    }
    int hours = Integer.parseInt(m.group(1));
    int minutes = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
    return hours < 24 && minutes < 60 ? Optional.of(hours * 60 + minutes) : Optional.empty();
  }

  /** The number just before {@code unit} (e.g. 20 in "1か月 20日" for unit 日). */
  public static Optional<Integer> numberBefore(String text, String unit) {
    Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*" + Pattern.quote(unit)).matcher(nfkc(text));
    return m.find() ? Optional.of((int) Math.round(Double.parseDouble(m.group(1)))) : Optional.empty();
  }
}
