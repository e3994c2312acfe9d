package jp.tetsuzuki.processes.childcare.allocation;

import java.util.List;

/** The request is inconsistent (unknown facilities, duplicate ids, bad ages, mixed sibling patterns…). */
public class InvalidAllocationRequestException extends RuntimeException {

  private final List<AllocationProblem> problems;

  public InvalidAllocationRequestException(List<AllocationProblem> problems) {
    super(problems.isEmpty() ? "invalid request" : problems.get(0).message()
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<AllocationProblem> problems() {
    return problems;
  }
}
