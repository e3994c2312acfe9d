package jp.tetsuzuki.workers.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A printed list of choices with one marked (the 2024 standard form's 雇用の形態: 「■正社員　□パート・アルバイト …」
 * over one or more lines): which option is marked. An empty box is read by OCR as □, 口 or ロ; a ticked or filled
 * one as ■, ☑, ✓, ●, a circle (○), or as a dense kanji such as 画 or 回, and sometimes not at all. Rules, in order:
 * <ol>
 *   <li>exactly one option after a filled mark: that one; flagged unless the mark is a clear one (■ ☑ ✓ ●) or every
 *   other option stands after an empty box (two or more);</li>
 *   <li>more than one after a filled mark: ambiguous, nothing chosen;</li>
 *   <li>no filled mark, but boxes: the one option after a glyph of its own that is no empty box (■ read as 再), else
 *   the one option with nothing before it, is the marked one, flagged (the mark was unreadable); more or none:
 *   ambiguous;</li>
 *   <li>no boxes at all: no choice list (the value is then an option written out, handled by the caller).</li>
 * </ol>
 * Plain Java, no OCR types: the lines are text.
 */
final class ChoiceList {

  private ChoiceList() {}

  static final String EMPTY_MARKS = "□☐口ロ";
  static final String FILLED_MARKS = "■☑☒✓✔●◼▣◉○〇◯画回図団";
  /** Marks that are a mark for sure; the others (a kanji, a circle) are how OCR reads some marks, and get a look. */
  static final String CLEAR_MARKS = "■☑☒✓✔●◼▣";

  /** What was read: the chosen option (null when ambiguous), whether it needs a look, and why. */
  record Choice(String option, boolean sure, String reason, int line) {}

  /**
   * The marked option of the choice lines among {@code lines} (a line naming two or more of {@code options}); boxed
   * when two of them, or all but one, stand after a box. Empty when no line names two options.
   */
  static Optional<Choice> read(List<String> lines, List<String> options) {
    List<String> filled = new ArrayList<>();
    List<String> loose = new ArrayList<>();
    List<String> unboxed = new ArrayList<>();
    List<String> odd = new ArrayList<>();
    int boxes = 0;
    boolean anyList = false;
    java.util.Map<String, Integer> lineOf = new java.util.HashMap<>();
    java.util.Map<String, Character> markOf = new java.util.HashMap<>();
    for (int index = 0; index < lines.size(); index++) {
      String raw = lines.get(index);
      String text = JapaneseText.nfkc(raw).replaceAll("\\s+", "");
      List<int[]> found = find(text, options);
      if (found.size() < 2) {
        continue;
      }
      anyList = true;
      int marked = 0;
      for (int[] f : found) {
        char before = f[0] > 0 ? text.charAt(f[0] - 1) : 0;
        if (EMPTY_MARKS.indexOf(before) >= 0 || FILLED_MARKS.indexOf(before) >= 0) {
          marked++;
        }
      }
      // options after boxes (two or more, or all but one); otherwise a list to circle (該当に○) or a note
      boolean boxed = marked >= 2 || marked >= found.size() - 1;
      for (int n = 0; n < found.size(); n++) {
        int[] f = found.get(n);
        char before = f[0] > 0 ? text.charAt(f[0] - 1) : 0;
        String option = options.get(f[2]);
        // a glyph of its own before the option (not the line's label, not the end of the option before it)
        boolean glyph = n > 0 && found.get(n - 1)[1] < f[0];
        lineOf.putIfAbsent(option, index);
        markOf.putIfAbsent(option, before);
        if (EMPTY_MARKS.indexOf(before) >= 0) {
          boxes++;
        } else if (FILLED_MARKS.indexOf(before) >= 0) {
          (boxed ? filled : loose).add(option);
        } else if (boxed) {
          (glyph ? odd : unboxed).add(option);
          markOf.putIfAbsent(option, before);
        }
      }
    }
    if (!anyList) {
      return Optional.empty();
    }
    if (filled.size() == 1 && loose.isEmpty()) {
      String one = filled.get(0);
      // a dense glyph (画) is as clear as ■ when every other option stands after an empty box: it is the odd one out
      boolean clear = CLEAR_MARKS.indexOf(markOf.get(one)) >= 0 || (unboxed.isEmpty() && odd.isEmpty() && boxes >= 2);
      return Optional.of(new Choice(one, clear, clear ? null : "選択肢の印が「" + markOf.get(one) + "」と読めました",
          lineOf.get(one)));
    }
    if (filled.size() + loose.size() == 1) {
      String one = filled.isEmpty() ? loose.get(0) : filled.get(0);
      return Optional.of(new Choice(one, false, "選択肢の並びのうち印（○）が読めたのは1つだけです", lineOf.get(one)));
    }
    if (filled.size() + loose.size() > 1) {
      List<String> all = new ArrayList<>(filled);
      all.addAll(loose);
      return Optional.of(new Choice(null, false, "複数の選択肢に印が読み取れました（" + String.join("、", all) + "）", -1));
    }
    if (boxes > 0 && odd.size() == 1) {
      return Optional.of(new Choice(odd.get(0), false, "選択肢の印が「" + markOf.get(odd.get(0)) + "」と読めました",
          lineOf.get(odd.get(0))));
    }
    if (boxes > 0 && odd.isEmpty() && unboxed.size() == 1) {
      return Optional.of(new Choice(unboxed.get(0), false, "選択肢の印を読み取れず、空欄でない唯一の選択肢を採りました",
          lineOf.get(unboxed.get(0))));
    }
    return Optional.of(new Choice(null, false, "選択肢の並びのどれに印があるか読み取れません", -1));
  }

  /** Each option found in {@code text}: {start, end, option index}, longest first where they overlap, in order. */
  private static List<int[]> find(String text, List<String> options) {
    List<int[]> found = new ArrayList<>();
    boolean[] taken = new boolean[text.length()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> options.get(b).length() - options.get(a).length());
    for (int i : order) {
      String option = options.get(i);
      for (int at = text.indexOf(option); at >= 0; at = text.indexOf(option, at + 1)) {
        boolean free = true;
        for (int k = at; k < at + option.length(); k++) {
          free &= !taken[k];
        }
        if (free) {
          for (int k = at; k < at + option.length(); k++) {
            taken[k] = true;
          }
          found.add(new int[] {at, at + option.length(), i});
          break;
        }
      }
    }
    found.sort((a, b) -> a[0] - b[0]);
    return found;
  }
}
