package jp.tetsuzuki.integrations.municipalcsv;

import java.util.ArrayList;
import java.util.List;

/** The values of one decoded CSV record (RFC 4180: comma-separated, double quotes, {@code ""} inside quotes). */
final class CsvFields {

  private CsvFields() {}

  /** A record that is not valid CSV; {@code column} is the 0-based position of the value at fault. */
  static final class Malformed extends Exception {
    final int column;

    Malformed(int column, String messageJa) {
      super(messageJa);
      this.column = column;
    }
  }

  static List<String> parse(String record) throws Malformed {
    List<String> values = new ArrayList<>();
    StringBuilder value = new StringBuilder();
    int i = 0;
    int n = record.length();
    while (true) {
      value.setLength(0);
      if (i < n && record.charAt(i) == '"') {
        i++;
        boolean closed = false;
        while (i < n) {
          char c = record.charAt(i++);
          if (c == '"') {
            if (i < n && record.charAt(i) == '"') {
              value.append('"');
              i++;
            } else {
              closed = true;
              break;
            }
          } else {
            value.append(c);
          }
        }
        if (!closed) {
          throw new Malformed(values.size(), "引用符（\"）が閉じられていません");
        }
        if (i < n && record.charAt(i) != ',') {
          throw new Malformed(values.size(), "引用符（\"）で囲んだ値の後に文字があります");
        }
      } else {
        while (i < n && record.charAt(i) != ',') {
          value.append(record.charAt(i++));
        }
      }
      values.add(value.toString());
      if (i >= n) {
        return values;
      }
      i++; // the comma
    }
  }
}
