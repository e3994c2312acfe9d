package jp.tetsuzuki.bpmn.rules;

/**
 * The one rule for every CSV cell the platform writes for people to open in a spreadsheet (allocation results, CSV
 * rejection reports): a cell that Excel or LibreOffice would run as a formula or a DDE command is written with a
 * leading {@code '} (OWASP "CSV Injection"). That is a cell starting with {@code = + - @}, a TAB or a CR, or the
 * full-width {@code ＝ ＋ － ＠} (spreadsheets with Japanese input convert those as they read). The rest of the cell is
 * kept as it was; CSV quoting is the writer's own business.
 */
public final class SpreadsheetCells {

  private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

  private SpreadsheetCells() {}

  /** The cell as a spreadsheet shows it as text; null and empty stay as they are. */
  public static String inert(String cell) {
    if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0) {
      return cell;
    }
    return "'" + cell;
  }
}
