package jp.tetsuzuki.workers.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the values of a form's fields in OCR lines by their labels ({@link LabelVocabulary}) and by layout: the value
 * to the right of its label on the same line (up to the next label), or below it (a label printed above its value,
 * or a table whose header row holds the labels of the cells beneath). Labels are found anywhere in a line, exactly
 * in key form first and with one misread character for labels of four or more; where labels overlap, the longer one
 * wins (「代表者氏名」 is not 「氏名」).
 */
final class LabelledLines {

  /**
   * A gap wider than this many character heights (the median word height of the line) separates two cells of one text
   * line: Tesseract returns side-by-side columns (a recipient at the left, the issuer's block at the right; the cells
   * of a table row) as one line per height, and a value must not run on into the next column. Spacing inside a value
   * or a spaced-out label (full-width spaces, about one character height each) stays well below it.
   */
  static final double WIDE_GAP = 3;

  /** The match of a label read with one character off (exact: 1); a value below its label takes 0.98 of it. */
  static final double LOOSE_MATCH = 0.9;

  /** How the value stood to its label. */
  enum Layout { RIGHT, BELOW, CELL }

  /**
   * A candidate value: its text (NFKC, no spaces), confidence 0..1 (the OCR confidence of the value's characters,
   * lowered for a loose label match), the weakest word's confidence, and where it was found.
   */
  record Hit(String value, double confidence, double weakest, Layout layout, int line, double[] chars, double match) {

    /**
     * Whether the label was read only with one character off ({@link #LOOSE_MATCH}). A value found below or in the
     * cell under an exact label has a match a little under 1 (the layout's own doubt), and its label is still exact.
     */
    boolean looseLabel() {
      return match <= LOOSE_MATCH + 1e-9;
    }

    /**
     * The confidence of the part {@code start..end} of the value (the digits of a count, the date itself): the mean of
     * its characters' OCR confidence, but never more than 0.2 above the weakest of them, times the label match.
     */
    double confidenceOf(int start, int end) {
      int s = Math.max(0, Math.min(start, chars.length));
      int e = Math.max(s, Math.min(end, chars.length));
      if (e == s) {
        return Math.min(confidence, weakest + 0.2);
      }
      double sum = 0;
      double low = 1;
      for (int i = s; i < e; i++) {
        sum += chars[i];
        low = Math.min(low, chars[i]);
      }
      return Math.min(sum / (e - s), low + 0.2) * match;
    }
  }

  /** A line as characters with their word, box and confidence, and its label key with the map back. */
  static final class Line {
    final int index;
    final String text;
    final int[] word;
    final double[] confidence;
    final int[] left;
    final int[] right;
    /** Top and bottom of each character's word box (the words' own boxes: a line's characters differ in height). */
    final int[] charTop;
    final int[] charBottom;
    final int top;
    final int bottom;
    /** The median word height of the line (0 without boxes). */
    final double typicalHeight;
    /** The page the line is on (its image, when OCR ran here: {@link OcrPage#image()}). */
    OcrPage page;
    final String key;
    final int[] keyToText;
    /** The cell of each character: a new cell starts after a wide horizontal gap (see {@link #WIDE_GAP}). */
    final int[] cell;
    final List<Occurrence> labels = new ArrayList<>();

    Line(int index, OcrLine line) {
      this.index = index;
      StringBuilder chars = new StringBuilder();
      List<int[]> boxes = new ArrayList<>();
      List<int[]> rows = new ArrayList<>();
      List<Double> conf = new ArrayList<>();
      List<Integer> words = new ArrayList<>();
      int w = 0;
      double[] wordConfidence = segmentationAware(line.words());
      double[] heights = line.words().stream().mapToDouble(OcrWord::height).sorted().toArray();
      double typical = heights.length == 0 ? 0 : heights[heights.length / 2];
      for (OcrWord ocrWord : line.words()) {
        String t = JapaneseText.compact(ocrWord.text());
        if (isRuleRemnant(t, ocrWord, typical)) {
          continue;
        }
        for (int i = 0; i < t.length(); i++) {
          chars.append(t.charAt(i));
          int l = ocrWord.left() + ocrWord.width() * i / t.length();
          int r = ocrWord.left() + ocrWord.width() * (i + 1) / t.length();
          boxes.add(new int[] {l, r});
          rows.add(new int[] {ocrWord.top(), ocrWord.top() + ocrWord.height()});
          conf.add(wordConfidence[w]);
          words.add(w);
        }
        w++;
      }
      text = chars.toString();
      int n = text.length();
      word = new int[n];
      confidence = new double[n];
      left = new int[n];
      right = new int[n];
      charTop = new int[n];
      charBottom = new int[n];
      typicalHeight = typical;
      for (int i = 0; i < n; i++) {
        charTop[i] = rows.get(i)[0];
        charBottom[i] = rows.get(i)[1];
        word[i] = words.get(i);
        confidence[i] = conf.get(i);
        left[i] = boxes.get(i)[0];
        right[i] = boxes.get(i)[1];
      }
      top = line.words().stream().mapToInt(OcrWord::top).min().orElse(0);
      bottom = line.words().stream().mapToInt(x -> x.top() + x.height()).max().orElse(0);
      StringBuilder k = new StringBuilder();
      List<Integer> map = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        char c = LabelVocabulary.canon(text.charAt(i));
        if (c != 0) {
          k.append(c);
          map.add(i);
        }
      }
      key = k.toString();
      keyToText = map.stream().mapToInt(Integer::intValue).toArray();
      cell = new int[n];
      for (int i = 1; i < n; i++) {
        boolean gap = right[i - 1] > 0 && typical > 0 && left[i] - right[i - 1] > WIDE_GAP * typical;
        cell[i] = cell[i - 1] + (gap ? 1 : 0);
      }
    }

    /** Text index where the cell holding {@code i} ends (the next cell's first character, or the line's end). */
    int cellEnd(int i) {
      int j = Math.max(0, i);
      while (j < text.length() && cell[j] == cell[Math.max(0, i)]) {
        j++;
      }
      return j;
    }

    /** Puts the characters {@code start..end} into one cell (a letter-spaced label is one label, not two cells). */
    void joinCells(int start, int end) {
      for (int i = start + 1; i < end && i < cell.length; i++) {
        int step = cell[i] - cell[i - 1];
        if (step > 0) {
          for (int j = i; j < cell.length; j++) {
            cell[j] -= step;
          }
        }
      }
    }

    /** The cells of the line as text spans {start, end}, left to right. */
    List<int[]> cells() {
      List<int[]> out = new ArrayList<>();
      for (int i = 0; i < text.length(); i = cellEnd(i)) {
        out.add(new int[] {i, cellEnd(i)});
      }
      return out;
    }

    /** Pixel span {left, right} of the text span {@code start..end}. */
    int[] extent(int start, int end) {
      return new int[] {left[start], right[end - 1]};
    }

    /**
     * Tesseract splits a number into single digits now and then (「2(17) 1(17)」 for 21) and gives the pieces one low
     * confidence together: a doubt about where the word ends, not about the glyphs. Such a pair of neighbours, equal
     * in confidence, takes the line's typical confidence instead.
     */
    private static double[] segmentationAware(List<OcrWord> words) {
      double[] out = words.stream().mapToDouble(OcrWord::confidence).toArray();
      double[] sorted = out.clone();
      java.util.Arrays.sort(sorted);
      double typical = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
      for (int i = 0; i + 1 < words.size(); i++) {
        OcrWord a = words.get(i);
        OcrWord b = words.get(i + 1);
        if (a.text().matches("\\d{1,2}") && b.text().matches("\\d{1,2}") && Math.abs(a.confidence() - b.confidence()) < 3
            && a.confidence() < 50 && b.left() - (a.left() + a.width()) < Math.max(a.height(), b.height())) {
          out[i] = Math.max(out[i], typical);
          out[i + 1] = Math.max(out[i + 1], typical);
        }
      }
      return out;
    }

    /**
     * A cell border too short for the preprocessor's rule removal, read as | or l or 1: one character, much taller
     * than the line's other words and thin.
     */
    private static boolean isRuleRemnant(String text, OcrWord word, double typicalHeight) {
      return text.length() == 1 && "|｜lI1[]!".indexOf(text.charAt(0)) >= 0 && typicalHeight > 0
          && word.height() > 1.6 * typicalHeight && word.width() * 4 < word.height();
    }

    int height() {
      return Math.max(1, bottom - top);
    }

    /** Text index where key position {@code keyIndex} starts ({@code text.length()} past the end). */
    int textAt(int keyIndex) {
      return keyIndex < keyToText.length ? keyToText[keyIndex] : text.length();
    }
  }

  /** A label found in a line: its field, the text span it covers, and whether it matched exactly. */
  record Occurrence(String field, int start, int end, boolean exact, int keyLength) {}

  private final List<Line> lines = new ArrayList<>();
  private final boolean boxes;
  private final LabelVocabulary vocabulary;

  LabelledLines(List<OcrPage> pages, LabelVocabulary vocabulary) {
    this.vocabulary = vocabulary;
    int i = 0;
    for (OcrPage page : pages) {
      for (OcrLine line : page.lines()) {
        if (!line.words().isEmpty()) {
          Line read = new Line(i++, line);
          read.page = page;
          lines.add(read);
        }
      }
    }
    boxes = pages.stream().flatMap(p -> p.lines().stream()).flatMap(l -> l.words().stream())
        .anyMatch(w -> w.width() > 0);
    for (Line line : lines) {
      findLabels(line, vocabulary);
    }
  }

  List<Line> lines() {
    return lines;
  }

  /** Every candidate value of {@code field}, in reading order; the caller keeps the first that parses. */
  List<Hit> candidates(String field) {
    List<Hit> out = new ArrayList<>();
    // exact labels anywhere before loose ones: a misread lead sentence must not stand in for a real label
    for (boolean exact : new boolean[] {true, false}) {
      for (Line line : lines) {
        candidates(line, field, exact, out);
      }
    }
    return out;
  }

  private void candidates(Line line, String field, boolean exact, List<Hit> out) {
    for (int o = 0; o < line.labels.size(); o++) {
      Occurrence label = line.labels.get(o);
      if (!label.field().equals(field) || label.exact() != exact) {
        continue;
      }
      double match = label.exact() ? 1 : LOOSE_MATCH;
      int end = o + 1 < line.labels.size() ? line.labels.get(o + 1).start() : line.text.length();
      Hit right = null;
      for (int valueEnd : valueEnds(line, label, end)) {
        Hit hit = span(line, label.end(), valueEnd, match, Layout.RIGHT);
        if (hit != null) {
          out.add(hit);
          right = right == null ? hit : right;
        }
      }
      if (right == null || o + 1 < line.labels.size()) {
        Hit below = below(line, o, match);
        if (below != null) {
          out.add(below);
        }
      }
    }
  }

  /**
   * Where the value to the right of {@code label} may end, best first: at the end of the label's cell when the cell
   * holds more than the label (「名称 株式会社架空商事」), then at the end of the next cell (a label cell and its value
   * cell; also when what follows the label in its cell is a qualifier or a misread piece of it, 「（固定就労の場合）」,
   * 「め)」, that does not parse); never past {@code nextLabel}. A value does not run on across a wide gap into the
   * column after that.
   */
  private static List<Integer> valueEnds(Line line, Occurrence label, int nextLabel) {
    if (label.end() >= line.text.length()) {
      return List.of(nextLabel);
    }
    int labelCellEnd = line.cellEnd(Math.max(label.start(), label.end() - 1));
    int nextCellEnd = labelCellEnd >= line.text.length() ? line.text.length() : line.cellEnd(labelCellEnd);
    List<Integer> out = new ArrayList<>();
    if (labelCellEnd > label.end()) {
      String rest = stripTrailingJunk(stripJunk(line.text.substring(label.end(), Math.min(labelCellEnd, nextLabel))));
      if (!rest.isEmpty()) {
        out.add(Math.min(labelCellEnd, nextLabel));
      }
    }
    int next = Math.min(nextCellEnd, nextLabel);
    if (out.isEmpty() || next > out.get(0)) {
      out.add(next);
    }
    return out;
  }

  /** True when some label of {@code field} is on the page (its value may still be unreadable). */
  boolean hasLabel(String field) {
    return lines.stream().anyMatch(l -> l.labels.stream().anyMatch(o -> o.field().equals(field)));
  }

  /**
   * The value under label {@code o} of {@code line}: on the next line down that has characters in the label's
   * column. The column runs from the label's left edge to just before the next label (cells of a table grid, values
   * left-aligned under their labels) and ends at a wide gap; a label alone on its line owns the width to its right. Without boxes (text from the command line),
   * a header row of k labels takes the k words of the next line in order.
   */
  private Hit below(Line line, int o, double match) {
    Occurrence label = line.labels.get(o);
    int next = nextLine(line);
    if (next < 0) {
      return null;
    }
    Line values = lines.get(next);
    if (!boxes) {
      return belowByOrder(line, o, values, match);
    }
    int labelLeft = line.left[label.start()];
    // cells are read left-aligned under their labels: a column ends where the next label starts
    int from = o == 0 ? labelLeft - 3 * line.height() : labelLeft - line.height();
    int to = o + 1 < line.labels.size() ? line.left[line.labels.get(o + 1).start()] - line.height() / 2
        : Integer.MAX_VALUE;
    int start = -1;
    int end = -1;
    for (int i = 0; i < values.text.length(); i++) {
      int centre = (values.left[i] + values.right[i]) / 2;
      if (centre >= from && centre < to) {
        if (start < 0) {
          start = i;
        }
        end = i + 1;
      }
    }
    if (start < 0) {
      return null;
    }
    // a wide gap ends the cell (the next cell's label may not have been recognised)
    for (int i = start; i + 1 < end; i++) {
      if (values.left[i + 1] - values.right[i] > 3 * values.height()) {
        end = i + 1;
        break;
      }
    }
    // a label in the cell ends the value; a cell that starts with a label holds no value of ours
    for (Occurrence other : values.labels) {
      if (other.start() <= start && other.end() > start) {
        return null;
      }
      if (other.start() > start && other.start() < end) {
        end = other.start();
      }
    }
    return span(values, start, end, match * 0.98, o > 0 || o + 1 < line.labels.size() ? Layout.CELL : Layout.BELOW);
  }

  private Hit belowByOrder(Line line, int o, Line values, double match) {
    if (!values.labels.isEmpty()) {
      return null;
    }
    if (line.labels.size() == 1) {
      return span(values, 0, values.text.length(), match * 0.98, Layout.BELOW);
    }
    List<int[]> words = new ArrayList<>();
    for (int i = 0; i < values.text.length(); i++) {
      if (words.isEmpty() || values.word[i] != values.word[i - 1]) {
        words.add(new int[] {i, i + 1});
      } else {
        words.get(words.size() - 1)[1] = i + 1;
      }
    }
    words.removeIf(w -> stripJunk(values.text.substring(w[0], w[1])).isEmpty());
    if (words.size() != line.labels.size()) {
      return null;
    }
    return span(values, words.get(o)[0], words.get(o)[1], match * 0.98, Layout.CELL);
  }

  /** The next line down that starts below this one's middle and not more than three line heights under it. */
  private int nextLine(Line line) {
    for (int i = line.index + 1; i < lines.size(); i++) {
      Line candidate = lines.get(i);
      if (!boxes) {
        return i;
      }
      if (candidate.top > line.top + line.height() / 2 && candidate.top < line.bottom + 3 * line.height()) {
        return i;
      }
      if (candidate.top >= line.bottom + 3 * line.height()) {
        return -1;
      }
    }
    return -1;
  }

  private Hit span(Line line, int start, int end, double match, Layout layout) {
    if (start >= end) {
      return null;
    }
    String raw = line.text.substring(start, end);
    String lead = stripJunk(raw);
    int s = start + (raw.length() - lead.length());
    String value = stripTrailingJunk(lead);
    int e = s + value.length();
    if (value.isEmpty() || looksLikeALabel(value)) {
      return null;
    }
    double sum = 0;
    double weakest = 100;
    double[] chars = new double[e - s];
    for (int i = s; i < e; i++) {
      sum += line.confidence[i];
      weakest = Math.min(weakest, line.confidence[i]);
      chars[i - s] = line.confidence[i] / 100.0;
    }
    double mean = sum / (e - s);
    return new Hit(value, mean / 100.0 * match, weakest / 100.0, layout, line.index, chars, match);
  }

  /** A value that is one character from a label (「ぶりがな」 beside 「氏名」 in a header row) is the next cell's label. */
  private boolean looksLikeALabel(String value) {
    String key = LabelVocabulary.key(value);
    if (key.length() < 3 || key.length() > 8) {
      return false;
    }
    LevenshteinDistance distance = new LevenshteinDistance(1);
    for (Set<String> labels : vocabulary.keysByField().values()) {
      for (String label : labels) {
        if (label.length() >= 3 && Math.abs(label.length() - key.length()) <= 1 && distance.apply(key, label) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static void findLabels(Line line, LabelVocabulary vocabulary) {
    List<Occurrence> found = new ArrayList<>();
    String key = line.key;
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    for (Map.Entry<String, Set<String>> field : vocabulary.keysByField().entrySet()) {
      for (String label : field.getValue()) {
        int from = 0;
        int at;
        while ((at = key.indexOf(label, from)) >= 0) {
          add(found, occurrence(line, field.getKey(), at, at + label.length(), true));
          from = at + 1;
        }
        // one character misread, dropped or added: in labels of five or more anywhere, of four at the line's start
        // (「ご請求申し上げます」 is one character from 「ご請求先」)
        if (label.length() < 4) {
          continue;
        }
        for (int p = 0; p + label.length() - 1 <= key.length(); p++) {
          if (label.length() == 4 && p > 0 && !cellStart(line, p)) {
            continue;
          }
          if (key.charAt(p) != label.charAt(0) && (p + 1 >= key.length() || key.charAt(p + 1) != label.charAt(1))) {
            continue;
          }
          for (int length : new int[] {label.length(), label.length() - 1, label.length() + 1}) {
            if (p + length <= key.length() && distance.apply(key.substring(p, p + length), label) == 1
                && sameDigits(key, p, p + length, label)) {
              add(found, occurrence(line, field.getKey(), p, p + length, false));
              break;
            }
          }
        }
      }
    }
    // longest first (a loose match counts one shorter), exact before loose; keep those that overlap no kept one
    found.sort(Comparator.comparingInt((Occurrence o) -> o.keyLength() - (o.exact() ? 0 : 1)).reversed()
        .thenComparing(o -> !o.exact()).thenComparingInt(Occurrence::start));
    List<Occurrence> kept = new ArrayList<>();
    for (Occurrence o : found) {
      if (kept.stream().noneMatch(k -> k.start() < o.end() && o.start() < k.end())) {
        kept.add(o);
      }
    }
    kept.removeIf(o -> heading(line, o));
    kept.sort(Comparator.comparingInt(Occurrence::start));
    for (int i = 0; i < kept.size(); i++) {
      int limit = i + 1 < kept.size() ? kept.get(i + 1).start() : line.text.length();
      kept.set(i, withQualifier(line, kept.get(i), limit));
    }
    line.labels.addAll(kept);
  }

  /**
   * A qualifier in brackets right after a label, in the label's cell, is part of the label: 「会社名（屋号）」,
   * 「所在地（本社）」, 「生年月日（西暦）」, 「期間の定め（有・無）」. Two characters or more, words only (a bracket with digits holds a value: 「電話
   * （03-…）」), at most {@link #QUALIFIER_LENGTH} characters, closed before the next label. Measured on HELD_OUT_8: the
   * qualifier 「屋号)」 was the employer's name at 0.84–0.91 (19 of 20 certificates).
   */
  static Occurrence withQualifier(Line line, Occurrence label, int limit) {
    int open = label.end();
    // the label's span already took the opening bracket (punctuation after a label belongs to it)
    while (open > label.start() && "(（".indexOf(line.text.charAt(open - 1)) < 0
        && LabelVocabulary.canon(line.text.charAt(open - 1)) == 0) {
      open--;
    }
    if (open <= label.start() || "(（".indexOf(line.text.charAt(open - 1)) < 0) {
      return label;
    }
    for (int i = open; i < Math.min(limit, open + QUALIFIER_LENGTH + 1) && i < line.text.length(); i++) {
      char c = line.text.charAt(i);
      if (Character.isDigit(c) || "(（¥\\".indexOf(c) >= 0 || line.cell[i] != line.cell[open - 1]) {
        return label;
      }
      if (c == ')' || c == '）') {
        // a reading in brackets (「（ヤマダ）」) is a value, not a qualifier
        String inside = line.text.substring(open, i);
        // nor is 「（株）」 (one character: an abbreviation that starts a company's name); such a bracket is the
        // value's, opening bracket and all
        if (inside.length() < 2 || inside.matches("[\\p{InKatakana}ー]{3,}")) {
          return new Occurrence(label.field(), label.start(), open - 1, label.exact(), label.keyLength());
        }
        return new Occurrence(label.field(), label.start(), i + 1, label.exact(), label.keyLength());
      }
    }
    return label;
  }

  /** The longest bracketed qualifier taken into a label (「（雇用契約による）」 and longer are values). */
  static final int QUALIFIER_LENGTH = 6;

  /** A document title alone in its cell: 請求書, 御請求書, 就労証明書 (at most eight characters ending in 書). */
  private static final java.util.regex.Pattern TITLE = java.util.regex.Pattern.compile("^.{1,7}書$");

  /**
   * Headings are no labels: a cell that ends in 欄 (［事業者記入欄］, 本人記入欄, 記入欄) heads a block of the form, and a
   * title cell (「御 請 求 書」) names the document; a label matched in one of them (事業者名 one character from
   * 事業者記, 御請求先 from 御請求書) has no value beside it. Only near-miss matches are dropped in a title, since
   * a title is never a label exactly.
   */
  static boolean heading(Line line, Occurrence o) {
    int from = o.start();
    while (from > 0 && line.cell[from - 1] == line.cell[o.start()]) {
      from--;
    }
    String cell = LabelVocabulary.key(line.text.substring(from, line.cellEnd(o.start())));
    return cell.endsWith("欄") || (!o.exact() && TITLE.matcher(cell).matches());
  }

  /**
   * A loose match may not misread a label's digits nor start inside a number: values are full of digits, and
   * 「00消費税額等」 in 「¥302,600消費税額等」 is one character from 「10消費税額等」.
   */
  /** Whether key position {@code p} starts a new cell: a wide gap on the page before it. */
  private static boolean cellStart(Line line, int p) {
    int at = line.textAt(p);
    int before = line.textAt(p - 1);
    return at < line.text.length() && line.right[before] > 0 && line.left[at] - line.right[before] > 3 * line.height();
  }

  private static void add(List<Occurrence> found, Occurrence occurrence) {
    if (occurrence != null) {
      found.add(occurrence);
    }
  }

  private static boolean sameDigits(String key, int start, int end, String label) {
    if (start > 0 && Character.isDigit(key.charAt(start - 1)) && Character.isDigit(key.charAt(start))) {
      return false;
    }
    return key.substring(start, end).replaceAll("\\D", "").equals(label.replaceAll("\\D", ""));
  }

  /**
   * Key positions → text span; the span also takes the punctuation after the label (「消費税(10%)」's "%)"). Null when
   * the characters are far apart on the page: two cells' labels (「本人氏名」 「フリガナ」) are not one label.
   */
  private static Occurrence occurrence(Line line, String field, int keyStart, int keyEnd, boolean exact) {
    int start = line.textAt(keyStart);
    int end = keyEnd == 0 ? 0 : line.textAt(keyEnd - 1) + 1;
    if (insideNumber(line, start, end)) {
      return null;
    }
    boolean spread = false;
    for (int i = start; i + 1 < end; i++) {
      if (line.left[i + 1] - line.right[i] > 2 * line.height() && line.right[i] > 0) {
        spread = true;
      }
    }
    if (spread && !(exact && letterSpaced(line, start, end))) {
      return null;
    }
    if (spread) {
      line.joinCells(start, end);
    }
    while (end < line.text.length() && LabelVocabulary.canon(line.text.charAt(end)) == 0
        && "ー".indexOf(line.text.charAt(end)) < 0) {
      end++;
    }
    return new Occurrence(field, start, end, exact, keyEnd - keyStart);
  }

  /** The widest gap a letter-spaced label (均等割付: 「名　　　称」) may leave between its characters, in line heights. */
  static final double SPACED_GAP = 6;

  /**
   * A label printed letter-spaced to fill its cell (均等割付: 「名　　　称」, 「所　在　地」): every character a word of its
   * own, the gaps between them about equal (within half a line height of each other) and at most
   * {@link #SPACED_GAP} line heights. Two labels of two cells are not evenly spaced like that, or not one word a
   * character.
   */
  static boolean letterSpaced(Line line, int start, int end) {
    if (end - start < 2) {
      return false;
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int i = start; i < end; i++) {
      boolean alone = (i == 0 || line.word[i - 1] != line.word[i])
          && (i + 1 >= line.text.length() || line.word[i + 1] != line.word[i]);
      if (!alone) {
        return false;
      }
      if (i + 1 < end) {
        int gap = line.left[i + 1] - line.right[i];
        min = Math.min(min, gap);
        max = Math.max(max, gap);
      }
    }
    return max <= SPACED_GAP * line.height() && max - min <= line.height() / 2;
  }

  /**
   * A label's digits that run on into a number of the same word are the number's: 「消費税8,160円」 holds the label
   * 消費税 and 8,160 yen, not 「消費税8%」 and 160 (the % sign is no part of a key). Measured on the second held-out
   * template's invoices. A rate that lost its % but stands apart from the amount (「消費税10 30,260円」) stays a label.
   */
  private static boolean insideNumber(Line line, int start, int end) {
    int last = end - 1;
    if (end > start && end < line.text.length() && Character.isDigit(line.text.charAt(last))
        && numeric(line.text.charAt(end)) && line.word[end] == line.word[last]) {
      return true;
    }
    return start > 0 && start < end && Character.isDigit(line.text.charAt(start)) && numeric(line.text.charAt(start - 1))
        && line.word[start - 1] == line.word[start];
  }

  private static boolean numeric(char c) {
    return Character.isDigit(c) || ",.，．".indexOf(c) >= 0;
  }

  /**
   * Marks OCR puts where the scan has specks or rule remnants, before a label or between label and value: 「 」 。 _
   * ' " | : and the like. No value of our forms starts with one of them.
   */
  private static final java.util.regex.Pattern LEADING_JUNK =
      java.util.regex.Pattern.compile("^[_。、「」『』'\"`|｜!！:：;；,.・~〜\\-ー―‐%)）\\]］】〕/／=＝]+");
  private static final java.util.regex.Pattern TRAILING_JUNK =
      java.util.regex.Pattern.compile("[_。、「」『』'\"`|｜!！:：;；,.・~〜\\-―‐(（\\[［【〔/／=＝]+$");

  static String stripJunk(String text) {
    return LEADING_JUNK.matcher(text).replaceFirst("");
  }

  /** Also a rule remnant read as ー after the value: two or more, or one after a character that is no katakana. */
  static String stripTrailingJunk(String text) {
    String out = TRAILING_JUNK.matcher(text).replaceFirst("");
    out = out.replaceFirst("[ー―一]{2,}$", "").replaceFirst("(?<=[^\\p{InKatakana}])[ー―]$", "");
    return TRAILING_JUNK.matcher(out).replaceFirst("");
  }
}
