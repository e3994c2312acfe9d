package jp.tetsuzuki.workers.ocr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Working days and hours printed as a grid of periods, where the period is in a header and not beside the number:
 * <ul>
 *   <li>columns: a header line naming a month and a week column (「月間合計　週平均」, 「1か月　1週」), and under it rows
 *   「就労日数　16日　3.7日」, 「就労時間　80時間　18時間」: each number takes the period of the header column nearest to it
 *   (by the words' boxes; text without boxes, in order, only when the counts agree);</li>
 *   <li>rows: a line that starts with its period (「1か月　19日　133時間」, 「1週　4日　31時間」): each number by its
 *   unit.</li>
 * </ul>
 * Days count only for the month (a weekly average of days is no field). What is read here still faces the reader's
 * cross-checks (hours within days × 24, week and month agreeing).
 */
final class PeriodGrid {

  private PeriodGrid() {}

  private static final String KA = "[かヶケカヵ箇力]";
  static final Pattern MONTH = Pattern.compile("(?:1|一)?" + KA + "月(?:あたり|当たり|平均|間|合計)?|月間(?:合計|平均)?|月平均|月合計");
  static final Pattern WEEK = Pattern.compile("(?:1|一)?週間?(?:あたり|当たり|平均|合計)?|週平均|週合計");
  private static final Pattern ROW_START = Pattern.compile("^(?:(?:1|一)?" + KA + "月|月間|月平均|(?:1|一)?週)");
  static final Pattern AMOUNT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,2})?)\\s*(時間|時|日|曰|目)");

  /** The grid's values by field key (workDaysPerMonth, workHoursPerWeek, workHoursPerMonth); empty without a grid. */
  static Map<String, Recognition.Field> read(List<LabelledLines.Line> lines) {
    Map<String, Recognition.Field> out = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      LabelledLines.Line line = lines.get(i);
      String text = line.text;
      List<int[]> headers = headers(text);
      boolean month = headers.stream().anyMatch(h -> h[2] == 0);
      boolean week = headers.stream().anyMatch(h -> h[2] == 1);
      if (month && week && amounts(text).isEmpty()) {
        // columns: the next lines with amounts take their periods from this header
        for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
          LabelledLines.Line row = lines.get(j);
          List<int[]> amounts = amounts(row.text);
          if (amounts.isEmpty()) {
            continue;
          }
          for (int a = 0; a < amounts.size(); a++) {
            int period = column(line, headers, row, amounts, a);
            if (period >= 0) {
              put(out, row, amounts.get(a), period == 0);
            }
          }
        }
        continue;
      }
      Matcher start = ROW_START.matcher(text);
      // the row's period, then its figures straight away (「1か月 19日 133時間」; not 「月平均動努昌教 18日」, a label
      // misread past matching)
      if (start.find() && text.substring(start.end()).matches("(?:あたり|当たり|平均|間|合計)?[:：]?\\d.*")) {
        boolean monthRow = !text.substring(0, start.end()).contains("週");
        for (int[] amount : amounts(text.substring(start.end()))) {
          put(out, line, new int[] {amount[0] + start.end(), amount[1] + start.end(), amount[2]}, monthRow);
        }
      }
    }
    return out;
  }

  /** Period words in a header line: {start, end, 0 month / 1 week}. */
  static List<int[]> headers(String text) {
    List<int[]> out = new ArrayList<>();
    boolean[] taken = new boolean[text.length()];
    for (int p = 0; p < 2; p++) {
      Matcher m = (p == 0 ? MONTH : WEEK).matcher(text);
      while (m.find()) {
        boolean free = true;
        for (int k = m.start(); k < m.end(); k++) {
          free &= !taken[k];
        }
        // a month of a date (8月) or of a count (3か月 of 直近3か月) is no column
        boolean counted = m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1))
            && !text.substring(m.start(), m.end()).startsWith("1");
        if (free && !counted && m.end() > m.start()) {
          for (int k = m.start(); k < m.end(); k++) {
            taken[k] = true;
          }
          out.add(new int[] {m.start(), m.end(), p});
        }
      }
    }
    out.sort((a, b) -> a[0] - b[0]);
    return out;
  }

  /** Numbers with a unit: {start of the number, end of the number, 0 hours / 1 days}. */
  static List<int[]> amounts(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = AMOUNT.matcher(text);
    while (m.find()) {
      // not a time of day (9時00分) nor the day of a date (4月1日)
      boolean clock = m.group(2).equals("時") && m.end() < text.length() && Character.isDigit(text.charAt(m.end()));
      boolean dayOfDate = !m.group(2).startsWith("時") && m.start() > 0 && "月年".indexOf(text.charAt(m.start() - 1)) >= 0;
      if (!clock && !dayOfDate) {
        out.add(new int[] {m.start(1), m.end(1), m.group(2).startsWith("時") ? 0 : 1});
      }
    }
    return out;
  }

  /** The period (0 month, 1 week) of amount {@code a} of {@code row} under the header's columns; -1 if unclear. */
  private static int column(LabelledLines.Line header, List<int[]> headers, LabelledLines.Line row,
      List<int[]> amounts, int a) {
    int[] amount = amounts.get(a);
    boolean boxes = row.right[amount[1] - 1] > 0 && header.right[headers.get(0)[1] - 1] > 0;
    if (!boxes) {
      return amounts.size() == headers.size() ? headers.get(a)[2] : -1;
    }
    int centre = (row.left[amount[0]] + row.right[amount[1] - 1]) / 2;
    int best = -1;
    int nearest = Integer.MAX_VALUE;
    int next = Integer.MAX_VALUE;
    for (int[] h : headers) {
      // right-aligned figures stand under the right part of their column: compare with the header's right end too
      int d = Math.min(Math.abs(centre - (header.left[h[0]] + header.right[h[1] - 1]) / 2),
          Math.abs(row.right[amount[1] - 1] - header.right[h[1] - 1]));
      if (d < nearest) {
        next = nearest;
        nearest = d;
        best = h[2];
      } else {
        next = Math.min(next, d);
      }
    }
    // the nearest column clearly nearer than the next one
    return nearest * 2 < next ? best : -1;
  }

  private static void put(Map<String, Recognition.Field> out, LabelledLines.Line line, int[] amount, boolean month) {
    String key = amount[2] == 0 ? (month ? "workHoursPerMonth" : "workHoursPerWeek") : month ? "workDaysPerMonth" : null;
    if (key == null || out.containsKey(key)) {
      return;
    }
    double value = Double.parseDouble(line.text.substring(amount[0], amount[1]));
    double sum = 0;
    double low = 100;
    for (int i = amount[0]; i < amount[1]; i++) {
      sum += line.confidence[i];
      low = Math.min(low, line.confidence[i]);
    }
    double confidence = Math.min(sum / (amount[1] - amount[0]), low + 20) / 100.0;
    int max = key.equals("workDaysPerMonth") ? 31 : key.equals("workHoursPerWeek") ? 80 : 350;
    String text = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    Recognition.Field field = new Recognition.Field(text, confidence);
    out.put(key, value >= 1 && value <= max ? field
        : field.doubted(FormReader.INCONSISTENT * 0.6, "就労日数・時間の表の値が1〜" + max + "の範囲外です"));
  }
}
