package jp.tetsuzuki.processes.childcare.allocation.csv;

import java.util.List;

/** The files cannot be read or are inconsistent; every problem found (up to a limit) with line and column. */
public class CsvFormatException extends RuntimeException {

  private final List<CsvProblem> problems;

  public CsvFormatException(List<CsvProblem> problems) {
    super(problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<CsvProblem> problems() {
    return problems;
  }
}
