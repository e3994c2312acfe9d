package jp.tetsuzuki.workers.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** A form read by OCR into fields: the pipeline recognises the pages, the subclass extracts its fields. */
public abstract class FormReader {

  /** Cap for a value that failed a cross-check: below {@link Recognition#VERIFY_BELOW}, so staff look at it. */
  static final double INCONSISTENT = 0.5;
  /** Cap for a value computed from other fields rather than read. */
  static final double DERIVED = 0.7;
  /**
   * Cap for a free-text value found under a label read with one character off (a near-miss match) that nothing
   * confirms: a heading one character from a label (［事業者記入欄］ for 事業者名, 御請求書 for 御請求先) gives a value
   * that looks like any other, so it must go to staff.
   */
  static final double NEAR_MISS_LABEL = 0.7;

  private static final java.util.regex.Pattern ORGANISATION = java.util.regex.Pattern.compile(
      "株式会社|有限会社|合同会社|合資会社|合名会社|\\(株\\)|（株）|法人|組合|協会|事務所|医院|病院|学園|財団|社団");
  private static final java.util.regex.Pattern ADDRESSED = java.util.regex.Pattern.compile("(御中|様|殿)$");

  /**
   * Free-text fields and what confirms a value of theirs found under a near-miss label: an organisation's legal
   * form, an honorific (御中/様/殿). The other fields are typed (dates, counts, amounts, phone numbers, registration
   * numbers, addresses, kana, the list of employment types): their parsing and cross-checks are the confirmation.
   */
  private static final java.util.Map<String, java.util.function.BiPredicate<LabelledLines.Hit, Recognition.Field>>
      UNTYPED = java.util.Map.of(
          "employerName", (hit, f) -> ORGANISATION.matcher(f.value()).find(),
          "issuerName", (hit, f) -> ORGANISATION.matcher(f.value()).find(),
          "employeeName", (hit, f) -> false,
          "recipientName", (hit, f) -> ADDRESSED.matcher(hit.value()).find());

  private final OcrPipeline pipeline;

  protected FormReader(OcrPipeline pipeline) {
    this.pipeline = pipeline;
  }

  public Recognition read(InputStream content, String mediaType) throws IOException {
    return read(content, mediaType, OcrPipeline.Progress.NONE);
  }

  public Recognition read(InputStream content, String mediaType, OcrPipeline.Progress progress) throws IOException {
    return extract(pipeline.read(content, mediaType, TextDirection.HORIZONTAL, progress));
  }

  /** Field extraction from recognised pages (public for tests and for text layers read elsewhere). */
  public abstract Recognition extract(List<OcrPage> pages);

  /**
   * The OCR confidence of a value: the mean of its characters, but never more than 0.2 above its weakest word, so
   * one badly read character in an otherwise clear value still sends it to verification.
   */
  static double confidenceOf(LabelledLines.Hit hit) {
    return Math.min(hit.confidence(), hit.weakest() + 0.2);
  }

  /** The confidence of the part of the value a pattern matched (the number, not its unit or the words around it). */
  static double confidenceOf(LabelledLines.Hit hit, java.util.regex.Matcher matched, int group) {
    return hit.confidenceOf(matched.start(group), matched.end(group));
  }

  /**
   * The first candidate of {@code field} that {@code parse} accepts. No label on the page: missing, with a reason
   * naming the label looked for; a label whose value does not parse: missing, with what was read.
   */
  static Recognition.Field first(LabelledLines rows, LabelVocabulary vocabulary, String field,
      Function<LabelledLines.Hit, Optional<Recognition.Field>> parse) {
    List<LabelledLines.Hit> hits = rows.candidates(field);
    for (LabelledLines.Hit hit : hits) {
      Optional<Recognition.Field> parsed = parse.apply(hit);
      if (parsed.isPresent()) {
        return nearMissChecked(vocabulary, field, hit, parsed.get());
      }
    }
    if (!hits.isEmpty()) {
      return Recognition.Field.missing("「" + vocabulary.display(field) + "」欄の値を読み取れませんでした（読めた文字：「"
          + hits.get(0).value() + "」）");
    }
    if (rows.hasLabel(field)) {
      return Recognition.Field.missing("「" + vocabulary.display(field) + "」欄に値が見つかりません");
    }
    return notFound(vocabulary, field);
  }

  /** A free-text value under a near-miss label, unconfirmed: below the threshold, with the reason. */
  static Recognition.Field nearMissChecked(LabelVocabulary vocabulary, String field, LabelledLines.Hit hit,
      Recognition.Field parsed) {
    java.util.function.BiPredicate<LabelledLines.Hit, Recognition.Field> confirms = UNTYPED.get(field);
    if (!hit.looseLabel() || confirms == null || parsed.value() == null || confirms.test(hit, parsed)) {
      return parsed;
    }
    return parsed.doubted(NEAR_MISS_LABEL, "「" + vocabulary.display(field) + "」の見出しが1文字違いでしか読めず、値を確かめられません");
  }

  /** A date, or one whose era name is misread (偽和7年), then inferred from its year and flagged. */
  static Optional<Recognition.Field> dateOrMisreadEra(LabelledLines.Hit hit, java.time.LocalDate today) {
    Optional<Recognition.Field> read = JapaneseText.dateAt(hit.value()).map(d -> new Recognition.Field(
        d.value().toString(), hit.confidenceOf(d.start(), d.end())));
    if (read.isPresent()) {
      return read;
    }
    Optional<Recognition.Field> era = JapaneseText.dateWithMisreadEra(hit.value(), today).map(d ->
        new Recognition.Field(d.value().toString(), hit.confidenceOf(d.start(), d.end()))
            .doubted(INCONSISTENT, "元号を読み取れず、年から推定しました"));
    return era.isPresent() ? era : dateWithMisreadZero(hit);
  }

  /**
   * A month or day whose 0 was read as 6, 8 or 9: a leading zero (02月 → 92月, 05月 → 95月) or the second digit of
   * 10, 20, 30 (10月 → 19月: measured); or the 0 of a western year 20xx (2625年: measured).
   */
  private static final java.util.regex.Pattern PADDED_PART = java.util.regex.Pattern.compile(
      "(?<!\\d)[689](?=\\d(?:\\s*[月日./／]|\\s*$))|(?<=(?<!\\d)[123])[689](?=\\s*[月日./／]|\\s*$)"
      // the 0 of a western year 20xx (2625年 → 2025年)
      + "|(?<=(?<!\\d)2)[689](?=\\d\\d\\s*[年./／-])");

  /**
   * A date that is no date (month 92, or 95月92日 with both 0s read as 9) but becomes one when one or two such 6, 8 or
   * 9 are taken for 0: that date, flagged for staff. Only when exactly one choice of places (with the fewest changes)
   * gives a date; otherwise nothing is guessed.
   */
  static Optional<Recognition.Field> dateWithMisreadZero(LabelledLines.Hit hit) {
    String text = JapaneseText.nfkc(hit.value());
    if (JapaneseText.dateAt(text).isPresent()) {
      return Optional.empty();
    }
    java.util.regex.Matcher m = PADDED_PART.matcher(text);
    List<Integer> places = new java.util.ArrayList<>();
    while (m.find()) {
      places.add(m.start());
    }
    if (places.size() > 4) {
      return Optional.empty();
    }
    // the fewest digits changed first: one place that gives a date wins over two (令和6年19月26日 is 10月26日, not
    // 10月20日); two readings with as few changes are not guessed between
    for (int size = 1; size <= Math.min(2, places.size()); size++) {
      Optional<Recognition.Field> repaired = dateWithMisreadZeros(hit, text, places, size);
      if (repaired != null) {
        return repaired;
      }
    }
    return Optional.empty();
  }

  /** The date repaired at exactly {@code size} of {@code places}: empty if ambiguous, null if none gives a date. */
  private static Optional<Recognition.Field> dateWithMisreadZeros(LabelledLines.Hit hit, String text,
      List<Integer> places, int size) {
    Recognition.Field found = null;
    int solutions = 0;
    for (int mask = 1; mask < 1 << places.size(); mask++) {
      if (Integer.bitCount(mask) != size) {
        continue;
      }
      StringBuilder repaired = new StringBuilder(text);
      List<String> changes = new java.util.ArrayList<>();
      for (int i = 0; i < places.size(); i++) {
        if ((mask & 1 << i) != 0) {
          changes.add(text.charAt(places.get(i)) + "→0");
          repaired.setCharAt(places.get(i), '0');
        }
      }
      Optional<JapaneseText.Found<java.time.LocalDate>> d = JapaneseText.dateAt(repaired.toString());
      if (d.isPresent()) {
        solutions++;
        found = new Recognition.Field(d.get().value().toString(), hit.confidenceOf(d.get().start(), d.get().end()))
            .doubted(INCONSISTENT, "日付の" + changes.size() + "桁を補正しました（読み取り" + String.join("、", changes) + "）");
      }
    }
    return solutions == 0 ? null : solutions == 1 ? Optional.of(found) : Optional.empty();
  }

  /** ケ between two kanji (霞ケ関; 緑ヶ丘 with the small ヶ read large). */
  private static final java.util.regex.Pattern KE_BETWEEN_KANJI =
      java.util.regex.Pattern.compile("\\p{IsHan}ケ\\p{IsHan}");

  /**
   * A name with a large ケ between kanji: OCR tells the small ヶ from ケ only by its size, and names are spelled both
   * ways (measured: 緑ヶ丘 read 緑ケ丘 at 0.90, confirmed by a second reading with the same ケ; a small ヶ read as such
   * was right every time). Kept as read, below the threshold, so staff compare it with the document.
   */
  static Recognition.Field kanaSmallKeChecked(Recognition.Field field) {
    if (field.value() == null || !KE_BETWEEN_KANJI.matcher(field.value()).find()) {
      return field;
    }
    return field.doubted(Recognition.VERIFY_BELOW - 0.05, "「ケ」と「ヶ」は読み取りで区別できません");
  }

  /**
   * A name with its brackets out of pairs (「屋号)」, 「(株架空商事」): a label's bracketed qualifier read as the value,
   * or a bracket read where there is none. Kept as read, below the threshold, with the reason.
   */
  static Recognition.Field bracketsChecked(Recognition.Field field) {
    if (field.value() == null || balanced(field.value())) {
      return field;
    }
    return field.doubted(INCONSISTENT, "括弧の対応がとれていません（見出しの一部か読み違いのおそれ）");
  }

  static boolean balanced(String text) {
    int depth = 0;
    for (char c : text.toCharArray()) {
      if ("(（[［【〔".indexOf(c) >= 0) {
        depth++;
      } else if (")）]］】〕".indexOf(c) >= 0 && --depth < 0) {
        return false;
      }
    }
    return depth == 0;
  }

  static Recognition.Field notFound(LabelVocabulary vocabulary, String field) {
    return Recognition.Field.missing("「" + vocabulary.display(field) + "」の欄が見つかりません");
  }
}
