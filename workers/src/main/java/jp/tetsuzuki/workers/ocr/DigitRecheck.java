package jp.tetsuzuki.workers.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second reading of a word's digits (issue 10). The {@code jpn} model reads a 0 as 9 or 6 in some fonts (141,500 →
 * 141,599; 02月 → 92月: measured on the benchmark's invoices), the {@code eng} model reads the same glyphs as digits
 * far more reliably but cannot read kanji. So the words whose digits matter (amounts with thousands separators,
 * registration numbers, phone numbers, a date's numbers, dates written in digits) are read again with {@code eng} in their box, and the two
 * readings combined here: where the digits agree, two models saw the same and the word keeps the better confidence;
 * where they differ in digits only (same shape), the second reading's digits replace the first's, with the lower of
 * the two confidences, so the field stays below the verification threshold unless the form's arithmetic confirms it.
 * Anything else (another shape, no digits) keeps the first reading as it was.
 */
final class DigitRecheck {

  /** What a word holds, which decides how its second reading is compared. */
  enum Kind { AMOUNT, REGISTRATION, PHONE, DATE_PART, NUMERIC_DATE }

  /** An amount with thousands separators as OCR reads them (「141,599」 「1,.320」). */
  private static final Pattern AMOUNT = Pattern.compile("\\d{1,3}(?:[,.，．]{1,2}\\d{3})+");
  private static final Pattern REGISTRATION = Pattern.compile("[TＴ]?\\d{13}");
  private static final Pattern PHONE = Pattern.compile("\\d{2,4}[-－‐ー]\\d{2,4}[-－‐ー]\\d{3,4}");
  private static final Pattern DATE_PART = Pattern.compile("\\d{1,4}");
  /** A date in digits and separators only: H24.5.20, R7.4.1, 2025/4/1, 2025.04.01. */
  private static final Pattern NUMERIC_DATE = Pattern.compile(
      "(?<![0-9])(?:[RHSrhs]?\\d{1,2}|\\d{4})[./／．]\\d{1,2}[./／．]\\d{1,2}(?![0-9])");

  private DigitRecheck() {}

  private static final Pattern NUMBER_PIECE = Pattern.compile("[\\\\¥￥]?[0-9０-９,.，．]+");

  /** A word that may be part of a number Tesseract split (「\\674,」 「948」): digits and separators only. */
  static boolean isNumberPiece(String word) {
    return NUMBER_PIECE.matcher(word).matches();
  }

  /** The kind of a first-pass word, given the word after it (a date's number is followed by 年, 月 or 日). */
  static Optional<Kind> kindOf(String word, String next) {
    String w = JapaneseText.nfkc(word);
    if (NUMERIC_DATE.matcher(w).find()) {
      return Optional.of(Kind.NUMERIC_DATE);
    }
    if (AMOUNT.matcher(w).find()) {
      return Optional.of(Kind.AMOUNT);
    }
    if (REGISTRATION.matcher(w).find()) {
      return Optional.of(Kind.REGISTRATION);
    }
    if (PHONE.matcher(w).find()) {
      return Optional.of(Kind.PHONE);
    }
    if (DATE_PART.matcher(w).matches() && next != null && !next.isEmpty() && "年月日".indexOf(next.charAt(0)) >= 0) {
      return Optional.of(Kind.DATE_PART);
    }
    return Optional.empty();
  }

  /** A combined reading: the text to keep and its confidence (0..100, as Tesseract's). */
  record Reading(String text, double confidence) {}

  /**
   * The first reading combined with the second. {@code second} is the {@code eng} model's text of the same box
   * (spacing and the unit it cannot read, 円 as 「F3」, are tolerated: only the digit groups count).
   */
  static Reading combine(Kind kind, String first, double firstConfidence, String second, double secondConfidence) {
    String a = JapaneseText.nfkc(first);
    String b = JapaneseText.nfkc(second).replaceAll("\\s+", "");
    Reading keep = new Reading(first, firstConfidence);
    Pattern groups = switch (kind) {
      case AMOUNT -> AMOUNT;
      case REGISTRATION -> Pattern.compile("\\d{13}");
      case PHONE -> PHONE;
      case DATE_PART -> DATE_PART;
      case NUMERIC_DATE -> Pattern.compile("\\d+");
    };
    List<String> ours = all(groups, a);
    List<String> theirs = all(groups, b);
    if (kind == Kind.DATE_PART) {
      // a date's number alone in its box: the second reading must be that number and nothing else
      theirs = b.matches("\\d{1,4}") ? List.of(b) : List.of();
    }
    if (kind == Kind.REGISTRATION) {
      return registration(first, firstConfidence, b, secondConfidence);
    }
    if (ours.isEmpty() || ours.size() != theirs.size()) {
      return keep;
    }
    boolean agree = true;
    for (int i = 0; i < ours.size(); i++) {
      String x = digits(ours.get(i));
      String y = digits(theirs.get(i));
      if (x.length() != y.length()) {
        return keep; // another shape: a digit lost or added by one of them, which this cannot settle
      }
      if (kind == Kind.AMOUNT && y.startsWith("0")) {
        return keep; // no amount starts with 0: the second reading is the wrong one
      }
      agree &= x.equals(y);
    }
    if (agree) {
      return new Reading(first, Math.max(firstConfidence, secondConfidence));
    }

    // the same shape, other digits: the second model's digits in the first reading's places
    StringBuilder out = new StringBuilder();
    Matcher m = groups.matcher(a);
    int from = 0;
    int i = 0;
    while (m.find()) {
      out.append(a, from, m.start());
      String replacement = digits(theirs.get(i++));
      String group = m.group();
      int d = 0;
      for (char c : group.toCharArray()) {
        out.append(Character.isDigit(c) ? replacement.charAt(d++) : c);
      }
      from = m.end();
      if (i == theirs.size()) {
        break;
      }
    }
    out.append(a.substring(from));
    return new Reading(out.toString(), Math.min(firstConfidence, secondConfidence));
  }

  /** Below the verification threshold: two readings of a registration number that disagree, both passing the check. */
  private static final double DISAGREEING = 60;

  /**
   * Registration numbers: either model reads the T as 1 or 7 at times, so a run of 14 digits is T + 13. Agreeing on
   * the 13 digits, the number is written T + 13; disagreeing, the one that passes the check digit is kept if only one
   * does, and either way the number goes to verification (a 0 read as 9 passes the check digit).
   */
  private static Reading registration(String first, double firstConfidence, String second, double secondConfidence) {
    Reading keep = new Reading(first, firstConfidence);
    Pattern run = Pattern.compile("(?<!\\d)[TＴ]?\\d{13,14}(?!\\d)");
    List<String> ours = all(run, JapaneseText.nfkc(first));
    List<String> theirs = all(run, second);
    if (ours.size() != 1 || theirs.size() != 1) {
      return keep;
    }
    String a = ours.get(0).substring(ours.get(0).length() - 13);
    String b = theirs.get(0).substring(theirs.get(0).length() - 13);
    // the number in its place; whatever else the word holds (a label read into it) stays
    java.util.function.Function<String, String> written = digits13 ->
        run.matcher(JapaneseText.nfkc(first)).replaceFirst("T" + digits13);
    double low = Math.min(firstConfidence, secondConfidence);
    if (a.equals(b)) {
      return new Reading(written.apply(a), Math.max(firstConfidence, secondConfidence));
    }
    boolean firstValid = RegistrationNumber.isValid("T" + a);
    boolean secondValid = RegistrationNumber.isValid("T" + b);
    if (secondValid && !firstValid) {
      return new Reading(written.apply(b), Math.min(low, DISAGREEING));
    }
    return new Reading(first, Math.min(low, DISAGREEING));
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static String digits(String text) {
    return text.replaceAll("\\D", "");
  }
}
