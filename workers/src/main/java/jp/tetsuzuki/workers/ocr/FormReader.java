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
        return parsed.get();
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
   * 10, 20, 30 (10月 → 19月: measured).
   */
  private static final java.util.regex.Pattern PADDED_PART = java.util.regex.Pattern.compile(
      "(?<!\\d)[689](?=\\d(?:\\s*[月日./／]|\\s*$))|(?<=(?<!\\d)[123])[689](?=\\s*[月日./／]|\\s*$)");

  /**
   * A date that is no date (month 92) but becomes one when exactly one such 6, 8 or 9 is taken for a 0: that date,
   * flagged for staff. Two places that would both give a date are not guessed between.
   */
  static Optional<Recognition.Field> dateWithMisreadZero(LabelledLines.Hit hit) {
    String text = JapaneseText.nfkc(hit.value());
    java.util.regex.Matcher m = PADDED_PART.matcher(text);
    Recognition.Field found = null;
    int solutions = 0;
    while (m.find()) {
      String repaired = text.substring(0, m.start()) + "0" + text.substring(m.end());
      Optional<JapaneseText.Found<java.time.LocalDate>> d = JapaneseText.dateAt(repaired);
      if (d.isPresent() && JapaneseText.dateAt(text).isEmpty()) {
        solutions++;
        found = new Recognition.Field(d.get().value().toString(), hit.confidenceOf(d.get().start(), d.get().end()))
            .doubted(INCONSISTENT, "日付の1桁を補正しました（読み取り" + m.group() + "→0）");
      }
    }
    return solutions == 1 ? Optional.of(found) : Optional.empty();
  }

  static Recognition.Field notFound(LabelVocabulary vocabulary, String field) {
    return Recognition.Field.missing("「" + vocabulary.display(field) + "」の欄が見つかりません");
  }
}
