package jp.tetsuzuki.workers.ocr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invoice's per-rate summary printed with the rates as columns: a header line naming both rates and no amount
 * (「区分 | 10%対象 | 8%対象（軽減） | 合計」, 「税率 | 標準税率 | 軽減税率」), and under it rows that start with what they hold
 * (税抜金額 / 対象額 / 小計, 消費税額 / 税額, 税込金額) and carry one amount per column. Each amount takes the column of the
 * header whose left edge is the last one at or before the amount's middle (amounts are right-aligned or centred under
 * their headings). Needs the words' boxes; text without boxes gives nothing.
 *
 * <p>Cross-checked within the table: where a 税込 row is read too, subtotal + tax must equal it per rate (and a
 * subtotal the table lacks is the 税込 amount less the tax). A rate whose figures disagree goes to staff with the
 * reason; the reader's own checks (tax = subtotal × rate, the total) follow.
 */
final class RateColumns {

  private RateColumns() {}

  /** What the table gave: amounts by field key (subtotal10 …, total, and -taxTotal), and the lines it covers. */
  record Table(Map<String, Recognition.Field> fields, Set<Integer> lines) {
    static final Table NONE = new Table(Map.of(), Set.of());
  }

  private static final Pattern RATE = Pattern.compile("(?<![0-9])(10|8)\\s*[%％]|標準|軽減");
  private static final Pattern TOTAL = Pattern.compile("合計|計$");
  /**
   * An amount in a cell: ¥ (or a backslash, as OCR reads it) and 円 optional, digits grouped by commas (a comma read as
   * a full stop or doubled). Two cells' figures run together when the gap between them is lost: no amount starts with
   * 0, so a 0 before more digits is an amount of its own (「\\0228,360」 is ¥0 and 228,360), and digits run on before
   * a group (「0288,.090」) leave the group its own three (measured on HELD_OUT_8).
   */
  private static final Pattern AMOUNT = Pattern.compile(
      "[¥\\\\]?(0(?=\\d)|\\d{1,3}(?:[,.]{1,2}\\d{3})+|\\d+(?!\\d|[,.]{1,2}\\d{3}))円?");

  private enum Kind { SUBTOTAL, TAX, INCLUSIVE }

  private record Column(int rate, int left) {}

  static Table read(List<LabelledLines.Line> lines) {
    for (int i = 0; i < lines.size(); i++) {
      List<Column> columns = header(lines.get(i));
      if (columns.isEmpty()) {
        continue;
      }
      Map<Kind, Map<Integer, Recognition.Field>> rows = new LinkedHashMap<>();
      Set<Integer> covered = new HashSet<>();
      covered.add(lines.get(i).index);
      for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) {
        LabelledLines.Line row = lines.get(j);
        List<int[]> amounts = amounts(row.text);
        Kind kind = amounts.isEmpty() ? null : kind(row.text.substring(0, amounts.get(0)[0]));
        if (kind == null) {
          if (!rows.isEmpty()) {
            break;
          }
          continue;
        }
        covered.add(row.index);
        Map<Integer, Recognition.Field> cells = rows.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        for (int[] a : amounts) {
          int middle = (row.left[a[0]] + row.right[a[1] - 1]) / 2;
          Column column = null;
          for (Column c : columns) {
            if (c.left() <= middle + row.typicalHeight / 2) {
              column = c;
            }
          }
          if (column != null && !cells.containsKey(column.rate())) {
            String digits = JapaneseText.nfkc(row.text.substring(a[2], a[1])).replaceAll("[^0-9]", "");
            cells.put(column.rate(), new Recognition.Field(String.valueOf(Long.parseLong(digits)),
                confidence(row, a[2], a[1]) * 0.98));
          }
        }
      }
      if (rows.isEmpty()) {
        continue;
      }
      return new Table(fields(rows), covered);
    }
    return Table.NONE;
  }

  /** The rate columns of a header line: both rates, no amount; an empty list for any other line. */
  private static List<Column> header(LabelledLines.Line line) {
    if (line.left.length == 0 || line.right[line.right.length - 1] == 0
        || !amounts(line.text).isEmpty()) {
      return List.of();
    }
    List<Column> out = new ArrayList<>();
    Matcher m = RATE.matcher(line.text);
    while (m.find()) {
      int rate = m.group(1) != null ? Integer.parseInt(m.group(1)) : m.group().equals("標準") ? 10 : 8;
      // 「8%対象（軽減）」 names its rate twice: one column
      if (out.isEmpty() || out.get(out.size() - 1).rate() != rate) {
        out.add(new Column(rate, line.left[m.start()]));
      }
    }
    if (out.stream().filter(c -> c.rate() == 10).count() != 1 || out.stream().filter(c -> c.rate() == 8).count() != 1) {
      return List.of();
    }
    // a 合計 column after the rates (the tax-inclusive total of both)
    int last = out.stream().mapToInt(Column::left).max().orElse(0);
    for (int[] cell : line.cells()) {
      String key = LabelVocabulary.key(line.text.substring(cell[0], cell[1]));
      if (line.left[cell[0]] > last && TOTAL.matcher(key).find()) {
        out.add(new Column(0, line.left[cell[0]]));
      }
    }
    return out;
  }

  /** Amounts of a line as {start, end, digitsStart} (rates such as 10% are no amounts). */
  private static List<int[]> amounts(String text) {
    List<int[]> out = new ArrayList<>();
    Matcher m = AMOUNT.matcher(text);
    while (m.find()) {
      int end = m.end();
      boolean rate = end < text.length() && "%％".indexOf(text.charAt(end)) >= 0
          || m.end(1) < text.length() && "%％".indexOf(text.charAt(m.end(1))) >= 0;
      // a row's own label may hold a digit (「10%対象」): only figures of two or more digits, or with ¥/円, count
      boolean marked = m.group().startsWith("¥") || m.group().startsWith("\\") || m.group().endsWith("円");
      if (!rate && (marked || m.group(1).length() >= 2)) {
        out.add(new int[] {m.start(), end, m.start(1)});
      }
    }
    return out;
  }

  private static Kind kind(String label) {
    String key = LabelVocabulary.key(label);
    if (key.contains("税込")) {
      return Kind.INCLUSIVE;
    }
    if (key.contains("消費税") || key.contains("税額")) {
      return Kind.TAX;
    }
    if (key.contains("税抜") || key.contains("対象額") || key.contains("対象金額") || key.contains("課税") || key.contains("小計")
        || key.contains("本体") || key.contains("金額")) {
      return Kind.SUBTOTAL;
    }
    return null;
  }

  private static Map<String, Recognition.Field> fields(Map<Kind, Map<Integer, Recognition.Field>> rows) {
    Map<Integer, Recognition.Field> subtotal = rows.getOrDefault(Kind.SUBTOTAL, Map.of());
    Map<Integer, Recognition.Field> tax = rows.getOrDefault(Kind.TAX, Map.of());
    Map<Integer, Recognition.Field> inclusive = rows.getOrDefault(Kind.INCLUSIVE, Map.of());
    Map<String, Recognition.Field> out = new LinkedHashMap<>();
    for (int rate : new int[] {10, 8}) {
      Recognition.Field s = subtotal.get(rate);
      Recognition.Field t = tax.get(rate);
      Recognition.Field in = inclusive.get(rate);
      if (s == null && t != null && in != null) {
        long derived = amount(in) - amount(t);
        s = new Recognition.Field(String.valueOf(derived), Math.min(FormReader.DERIVED, in.confidence()),
            "税抜の欄がないため、税込金額から消費税額を引いて算出しました", true);
      } else if (s != null && t != null && in != null && amount(s) + amount(t) != amount(in)) {
        Recognition.Field[] fixed = repaired(s, t, in, rate);
        if (fixed != null) {
          s = fixed[0];
          t = fixed[1];
        } else {
          String why = rate + "%の税抜金額と消費税額の和が税込金額（" + amount(in) + "円）と一致しません";
          s = s.doubted(FormReader.INCONSISTENT, why);
          t = t.doubted(FormReader.INCONSISTENT, why);
        }
      }
      if (s != null) {
        out.put("subtotal" + rate, s);
      }
      if (t != null) {
        out.put("tax" + rate, t);
      }
    }
    if (inclusive.containsKey(0)) {
      out.put("total", inclusive.get(0));
    }
    if (tax.containsKey(0)) {
      out.put("-taxTotal", tax.get(0));
    }
    return out;
  }

  /**
   * A column's three figures (税抜, 消費税, 税込) that disagree, with up to two 0s read as 6, 8 or 9 among them (「6円」
   * for 「0円」: measured on HELD_OUT_8, both the amount and the tax of an unused rate): the one way of turning such
   * digits back to 0 that makes subtotal + tax = 税込 and tax = subtotal × rate, with the fewest changes. The changed
   * figures are flagged (staff confirm them against the paper); none or several ways: null.
   */
  static Recognition.Field[] repaired(Recognition.Field s, Recognition.Field t, Recognition.Field in, int rate) {
    Map<Long, Integer> ss = zeroed(amount(s));
    Map<Long, Integer> ts = zeroed(amount(t));
    Map<Long, Integer> ins = zeroed(amount(in));
    int best = Integer.MAX_VALUE;
    long[] found = null;
    int ways = 0;
    for (Map.Entry<Long, Integer> a : ss.entrySet()) {
      for (Map.Entry<Long, Integer> b : ts.entrySet()) {
        for (Map.Entry<Long, Integer> c : ins.entrySet()) {
          int changes = a.getValue() + b.getValue() + c.getValue();
          if (changes == 0 || changes > 2 || a.getKey() + b.getKey() != c.getKey()
              || !InvoiceReader.taxMatches(a.getKey(), b.getKey(), rate)) {
            continue;
          }
          if (changes < best) {
            best = changes;
            found = new long[] {a.getKey(), b.getKey()};
            ways = 1;
          } else if (changes == best) {
            ways++;
          }
        }
      }
    }
    if (ways != 1) {
      return null;
    }
    return new Recognition.Field[] {corrected(s, found[0]), corrected(t, found[1])};
  }

  private static Recognition.Field corrected(Recognition.Field read, long value) {
    if (amount(read) == value) {
      return read;
    }
    return new Recognition.Field(String.valueOf(value), FormReader.DERIVED,
        "税込金額と合うよう0の読み違いを補正しました（読み取り" + read.value() + "→" + value + "）", true);
  }

  /** The amount with none, one or two of its 6, 8 and 9 digits read back as 0, and how many were changed. */
  private static Map<Long, Integer> zeroed(long amount) {
    String digits = String.valueOf(amount);
    Map<Long, Integer> out = new LinkedHashMap<>();
    out.put(amount, 0);
    for (int i = 0; i < digits.length(); i++) {
      if ("689".indexOf(digits.charAt(i)) < 0) {
        continue;
      }
      char[] one = digits.toCharArray();
      one[i] = '0';
      out.putIfAbsent(Long.parseLong(new String(one)), 1);
      for (int j = i + 1; j < digits.length(); j++) {
        if ("689".indexOf(digits.charAt(j)) >= 0) {
          char[] two = one.clone();
          two[j] = '0';
          out.putIfAbsent(Long.parseLong(new String(two)), 2);
        }
      }
    }
    return out;
  }

  private static long amount(Recognition.Field field) {
    return Long.parseLong(field.value());
  }

  private static double confidence(LabelledLines.Line line, int start, int end) {
    double sum = 0;
    double low = 100;
    for (int i = start; i < end; i++) {
      sum += line.confidence[i];
      low = Math.min(low, line.confidence[i]);
    }
    return end > start ? Math.min(sum / (end - start), low + 20) / 100.0 : 0;
  }
}
