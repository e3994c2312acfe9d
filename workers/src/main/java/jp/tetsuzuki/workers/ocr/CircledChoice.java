package jp.tetsuzuki.workers.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A choice marked by a ○ drawn around one option of a printed list (「雇用形態（該当に○）　正社員　パート・アルバイト …」).
 * OCR does not read the drawn ring: it reads two brackets at best, and often loses the circled option altogether or
 * moves it to a line of its own. So this looks at the page image. Along each line of the list, a column is part of a
 * ring when it has ink both in a strip just above the line's characters and in a strip just below them that belongs
 * to no recognised word; a run of such columns at least about one character wide is a ring. (A table rule left by the
 * preprocessor crosses one strip only; two rules across the whole line make one run over several options, which is
 * no ring.)
 *
 * <p>Which option the ring holds: the option read under it (sure, when it is the only ring and read exactly, or
 * with one character off in an option of four or more); otherwise the one option of the form's list, in its printed
 * order, that stands between the options read left and right of the ring and was read nowhere on the list: sure when
 * both neighbours (or, for the list's first option, the one after it) are read on the ring's line and the ring is as
 * wide as the option, flagged otherwise (inferred from the position). The confidence is how well the list's line was
 * read. Two rings, or a ring
 * that no option fits: nothing chosen, with the reason. No ring: empty (the caller keeps what the text said).
 */
final class CircledChoice {

  private CircledChoice() {}

  /** Pixels darker than this are ink (the preprocessed page: contrast stretched, paper near white). */
  static final int INK = 128;
  /** A character box is widened by this many pixels (anti-aliased glyph edges). */
  static final int PAD = 2;

  /** The circled option (null when ambiguous), whether it is as sure as a printed mark, why not, and its line. */
  record Circle(String option, boolean sure, String reason, double confidence) {}

  /** A ring found on a line: its pixel columns. */
  record Ring(LabelledLines.Line line, int left, int right, double height) {}

  /** An option read on a choice line: where it stands (text span and pixels), exactly read or with one misread. */
  record Read(LabelledLines.Line line, int start, int end, int option, boolean exact) {
    /** The OCR confidence of the option's characters, 0..1. */
    double confidence() {
      double sum = 0;
      for (int i = start; i < end; i++) {
        sum += line.confidence[i];
      }
      return sum / Math.max(1, end - start) / 100.0;
    }

    int left() {
      return line.left[start];
    }

    int right() {
      return line.right[end - 1];
    }
  }

  /**
   * The circled option of the choice lines (a line naming two or more of {@code options}, read with boxes on a page
   * with its image). Empty when there is no such line or no ring on it.
   */
  static Optional<Circle> read(List<LabelledLines.Line> lines, List<String> options) {
    List<Read> reads = new ArrayList<>();
    List<Ring> rings = new ArrayList<>();
    java.util.Map<LabelledLines.Line, List<int[]>> choiceLines = new java.util.LinkedHashMap<>();
    java.util.Map<OcrPage, Double> height = new java.util.HashMap<>();
    for (LabelledLines.Line line : lines) {
      if (line.page == null || line.page.image() == null || line.typicalHeight <= 0) {
        continue;
      }
      List<int[]> found = find(line.text, options);
      if (found.size() >= 2) {
        choiceLines.put(line, found);
        // the list's character height: the lowest of its lines (a ring read as glyphs makes a line's words taller)
        height.merge(line.page, line.typicalHeight, Math::min);
      }
    }
    for (var entry : choiceLines.entrySet()) {
      LabelledLines.Line line = entry.getKey();
      for (int[] f : entry.getValue()) {
        reads.add(new Read(line, f[0], f[1], f[2], line.text.substring(f[0], f[1]).equals(options.get(f[2]))));
      }
      rings.addAll(rings(lines, line, entry.getValue(), height.get(line.page)));
    }
    if (rings.isEmpty()) {
      return Optional.empty();
    }
    rings = merged(rings, reads);
    if (rings.size() > 1) {
      return Optional.of(new Circle(null, false, "○で囲まれたように見える箇所が" + rings.size() + "つあります", 0));
    }
    Ring ring = rings.get(0);
    // the option read under the ring
    for (Read r : reads) {
      int overlap = Math.min(r.right(), ring.right()) - Math.max(r.left(), ring.left());
      if (r.line() == ring.line() && overlap >= 0.6 * (r.right() - r.left())
          && ring.right() - ring.left() <= r.right() - r.left() + 4 * ring.line().typicalHeight) {
        // one character off names the option as well when it is long enough to be no other (パート・アルバイ)
        boolean sure = r.exact() || options.get(r.option()).length() >= 4;
        return Optional.of(new Circle(options.get(r.option()), sure, sure ? null
            : "○で囲まれた選択肢の文字が1字違いで読めました", listConfidence(reads, ring)));
      }
    }
    // a ring as narrow as a number, ending where an option starts: the list numbers its options and the ring is
    // around the number (「雇用形態（該当する番号を○で囲む）」), so it chooses the option after it
    if (ring.right() - ring.left() <= NUMBER_RING_MAX * ring.height()) {
      for (Read r : reads) {
        int gap = r.left() - ring.right();
        if (r.line() == ring.line() && gap >= -ring.height() / 2 && gap <= ring.height()) {
          boolean sure = r.exact() || options.get(r.option()).length() >= 4;
          return Optional.of(new Circle(options.get(r.option()), sure, sure ? null
              : "○で囲まれた番号の選択肢の文字が1字違いで読めました", listConfidence(reads, ring)));
        }
      }
    }
    // no option read under it: the one missing from the printed order between its neighbours
    reads.sort(java.util.Comparator.comparingInt((Read r) -> r.line().index).thenComparingInt(Read::left));
    int before = -1;
    int after = options.size();
    boolean passed = false;
    for (Read r : reads) {
      boolean left = r.line().index < ring.line().index
          || (r.line() == ring.line() && r.right() <= ring.left() + ring.line().typicalHeight);
      if (left && !passed) {
        before = r.option();
      } else if (!left) {
        passed = true;
        after = Math.min(after, r.option());
        break;
      }
    }
    List<Integer> between = new ArrayList<>();
    for (int i = before + 1; i < after; i++) {
      int option = i;
      if (reads.stream().noneMatch(r -> r.option() == option)) {
        between.add(i);
      }
    }
    boolean guessed = false;
    if (between.size() > 1) {
      // what OCR read under the ring (「会計年度任用」) decides among the options that fit there
      between = closest(under(ring), between, options);
    }
    if (between.size() > 1) {
      // nothing read under it: the options as wide as the ring, the first of them in the form's order (a guess)
      List<Integer> wide = between.stream().filter(i -> fits(ring, options.get(i))).toList();
      if (!wide.isEmpty()) {
        between = List.of(wide.get(0));
        guessed = true;
      }
    }
    if (between.size() == 1 && (after < options.size() || before >= 0)) {
      String option = options.get(between.get(0));
      // sure when the ring sits between two options read exactly on its line, with just this one missing between
      // them in the form's order, and is about as wide as this option's characters
      int first = before;
      int next = after;
      // its neighbours in the form's order, read on the ring's line (the first option has none before it)
      List<Read> neighbours = reads.stream().filter(r -> r.line() == ring.line()
          && (r.option() == first || r.option() == next)).toList();
      boolean framed = after - before == 2 && after < options.size()
          && neighbours.stream().anyMatch(r -> r.option() == next)
          && (before < 0 || neighbours.stream().anyMatch(r -> r.option() == first));
      boolean sure = framed && !guessed && fits(ring, option);
      double confidence = listConfidence(reads, ring);
      return Optional.of(new Circle(option, sure, sure ? null : "○で囲まれた選択肢の文字が読めず、並びの位置から推定しました",
          confidence));
    }
    return Optional.of(new Circle(null, false, "○で囲まれた選択肢を読み取れません", 0));
  }

  /**
   * How well the list was read: the mean OCR confidence of the options read on the ring's line (the ringed option's
   * own characters read poorly, the ring runs through them; that says nothing about which option it is).
   */
  private static double listConfidence(List<Read> reads, Ring ring) {
    return reads.stream().filter(r -> r.line() == ring.line()).mapToDouble(Read::confidence).average().orElse(0);
  }

  /** A ring about as wide as the option's characters (full width, about one line height each). */
  private static boolean fits(Ring ring, String option) {
    double width = (ring.right() - ring.left()) / (option.length() * ring.height());
    return width >= 0.6 && width <= 1.4;
  }

  /** Two pieces of one ring (a tight ring touches the characters in the middle): both within one option read. */
  private static List<Ring> merged(List<Ring> rings, List<Read> reads) {
    List<Ring> out = new ArrayList<>();
    for (Ring ring : rings) {
      Ring last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last.line() == ring.line()) {
        double h = ring.line().typicalHeight;
        boolean oneOption = reads.stream().anyMatch(r -> r.line() == ring.line() && r.left() - h <= last.left()
            && ring.right() <= r.right() + h);
        if (oneOption) {
          out.set(out.size() - 1, new Ring(ring.line(), last.left(), ring.right(), ring.height()));
          continue;
        }
      }
      out.add(ring);
    }
    return out;
  }

  /** The characters of the ring's line whose middle is inside the ring. */
  private static String under(Ring ring) {
    StringBuilder out = new StringBuilder();
    LabelledLines.Line line = ring.line();
    for (int i = 0; i < line.text.length(); i++) {
      int centre = (line.left[i] + line.right[i]) / 2;
      if (centre >= ring.left() && centre <= ring.right()) {
        out.append(line.text.charAt(i));
      }
    }
    return out.toString();
  }

  /**
   * The candidates nearest to {@code text} (edit distance against the option's head of the same length, so a cut
   * reading 「会計年度任用」 fits 会計年度任用職員): the one nearest when at most half its characters differ and it is
   * nearer than the others; otherwise all of them.
   */
  private static List<Integer> closest(String text, List<Integer> candidates, List<String> options) {
    if (text.length() < 2) {
      return candidates;
    }
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    int best = -1;
    double bestShare = 2;
    double second = 2;
    for (int c : candidates) {
      String option = options.get(c);
      String head = option.substring(0, Math.min(option.length(), Math.max(text.length(), 2)));
      double share = (double) distance.apply(text, head) / Math.max(text.length(), head.length());
      if (share < bestShare) {
        second = bestShare;
        bestShare = share;
        best = c;
      } else {
        second = Math.min(second, share);
      }
    }
    return bestShare <= 0.5 && bestShare < second ? List.of(best) : candidates;
  }

  /**
   * The rings along {@code line}: runs of columns with foreign ink both just above and just below the characters,
   * at least 1.2 character heights wide (gaps of a quarter height bridged), that do not span two options read.
   */
  static List<Ring> rings(List<LabelledLines.Line> lines, LabelledLines.Line line, List<int[]> found, double h) {
    GreyImage image = line.page.image();
    int middle = middle(line, h);
    int half = (int) Math.round(h / 2);
    int margin = 2;
    int band = (int) Math.round(h * 0.6);
    List<int[]> excluded = words(lines, line);
    // beyond the characters read too: the ring may hold the line's first or last option, which OCR lost
    int from = Math.max(0, line.left[0] - (int) (8 * h));
    int to = Math.min(image.width(), line.right[line.text.length() - 1] + (int) (8 * h));
    boolean[] ring = new boolean[Math.max(0, to - from)];
    for (int x = from; x < to; x++) {
      ring[x - from] = inked(image, x, middle - half - margin - band, middle - half - margin, excluded)
          && inked(image, x, middle + half + margin, middle + half + margin + band, excluded);
    }
    List<Ring> out = new ArrayList<>();
    int gap = Math.max(1, (int) Math.round(h / 4));
    int runStart = -1;
    int last = -1;
    for (int i = 0; i <= ring.length; i++) {
      boolean on = i < ring.length && ring[i];
      if (on) {
        if (runStart < 0 || i - last > gap) {
          close(out, line, found, from, runStart, last, h);
          runStart = i;
        }
        last = i;
      }
    }
    close(out, line, found, from, runStart, last, h);
    return out;
  }

  private static void close(List<Ring> out, LabelledLines.Line line, List<int[]> found, int from, int start, int end,
      double h) {
    if (start < 0 || end - start + 1 < NUMBER_RING * h) {
      return;
    }
    int left = from + start;
    int right = from + end;
    // narrower than a character: only a ring around an option's number (「①」 drawn round the 1 of 「1 正社員」), so
    // an option must start right after it
    if (end - start + 1 < 1.2 * h && numbered(line, found, right, h) == null) {
      return;
    }
    // a run over two options read whole is a pair of rules, not a ring
    long spanned = found.stream().filter(f -> line.left[f[0]] >= left && line.right[f[1] - 1] <= right).count();
    if (spanned < 2) {
      out.add(new Ring(line, left, right, h));
    }
  }

  /**
   * The inner width (in character heights) of the narrowest ring looked for: one drawn around an option's number
   * (one or two half-width digits). Its strokes run above and below the characters over about the middle seven tenths
   * of its width only.
   */
  static final double NUMBER_RING = 0.6;
  /** The widest a ring around a number is (two digits), in character heights. */
  static final double NUMBER_RING_MAX = 1.6;

  /**
   * The option found on {@code line} that starts just after pixel {@code right} (within one character height, or
   * half a height inside it): the option a ring ending there holds by its number. Null when none does.
   */
  private static int[] numbered(LabelledLines.Line line, List<int[]> found, int right, double h) {
    for (int[] f : found) {
      int gap = line.left[f[0]] - right;
      if (gap >= -h / 2 && gap <= h) {
        return f;
      }
    }
    return null;
  }

  /** The middle of the line's characters of usual height (a word box that took in a ring is taller). */
  private static int middle(LabelledLines.Line line, double h) {
    List<Integer> middles = new ArrayList<>();
    for (int i = 0; i < line.text.length(); i++) {
      if (line.charBottom[i] - line.charTop[i] <= 1.6 * h) {
        middles.add((line.charTop[i] + line.charBottom[i]) / 2);
      }
    }
    if (middles.isEmpty()) {
      return (line.top + line.bottom) / 2;
    }
    middles.sort(Integer::compare);
    return middles.get(middles.size() / 2);
  }

  /** Whether column {@code x} has two or more vertically adjacent ink pixels in rows {@code y0..y1} outside words. */
  static boolean inked(GreyImage image, int x, int y0, int y1, List<int[]> excluded) {
    int top = Math.max(0, y0);
    int bottom = Math.min(image.height(), y1);
    boolean previous = false;
    for (int y = top; y < bottom; y++) {
      boolean ink = image.at(x, y) < INK && !inside(excluded, x, y);
      if (ink && previous) {
        return true;
      }
      previous = ink;
    }
    return false;
  }

  private static boolean inside(List<int[]> boxes, int x, int y) {
    for (int[] b : boxes) {
      if (x >= b[0] - PAD && x <= b[2] + PAD && y >= b[1] - PAD && y <= b[3] + PAD) {
        return true;
      }
    }
    return false;
  }

  /**
   * Boxes {left, top, right, bottom} of the characters of the page's lines near this one (this one too), at most
   * their line's usual character height about their middle: a word box that took in a ring is taller, and the ring's
   * strokes above and below the characters must stay visible.
   */
  private static List<int[]> words(List<LabelledLines.Line> lines, LabelledLines.Line line) {
    List<int[]> out = new ArrayList<>();
    int reach = (int) Math.round(line.typicalHeight * 3);
    for (LabelledLines.Line other : lines) {
      if (other.page != line.page || other.bottom < line.top - reach || other.top > line.bottom + reach) {
        continue;
      }
      int half = (int) Math.round(other.typicalHeight * 0.55);
      for (int i = 0; i < other.text.length(); i++) {
        int mid = (other.charTop[i] + other.charBottom[i]) / 2;
        out.add(new int[] {other.left[i], Math.max(other.charTop[i], mid - half), other.right[i],
            Math.min(other.charBottom[i], mid + half)});
      }
    }
    return out;
  }

  /**
   * Each option in {@code text}: {start, end, option index}, longest first where they overlap; an option of three
   * characters or more may have one character misread (契約社具 for 契約社員: a ring around it troubles OCR).
   */
  static List<int[]> find(String text, List<String> options) {
    List<int[]> found = new ArrayList<>();
    boolean[] taken = new boolean[text.length()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> options.get(b).length() - options.get(a).length());
    LevenshteinDistance one = new LevenshteinDistance(1);
    for (boolean exact : new boolean[] {true, false}) {
      for (int i : order) {
        String option = options.get(i);
        if (found.stream().anyMatch(f -> f[2] == i) || (!exact && option.length() < 3)) {
          continue;
        }
        // one character misread (same length), or lost (one shorter: パート・アルバイ, the ring took the ト)
        int[] lengths = exact ? new int[] {option.length()} : new int[] {option.length(), option.length() - 1};
        search:
        for (int length : lengths) {
          if (length < 3) {
            continue;
          }
          for (int at = 0; at + length <= text.length(); at++) {
            String piece = text.substring(at, at + length);
            boolean match = exact ? piece.equals(option) : one.apply(piece, option) == 1;
            if (!match || !free(taken, at, at + length)) {
              continue;
            }
            for (int k = at; k < at + length; k++) {
              taken[k] = true;
            }
            found.add(new int[] {at, at + length, i});
            break search;
          }
        }
      }
    }
    found.sort((a, b) -> a[0] - b[0]);
    return found;
  }

  private static boolean free(boolean[] taken, int from, int to) {
    for (int k = from; k < to; k++) {
      if (taken[k]) {
        return false;
      }
    }
    return true;
  }
}
