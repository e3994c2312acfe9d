package jp.tetsuzuki.processes.contract.invoice;

import java.util.List;

/** The outcome of {@link InvoiceValidator#validate}: valid when there is no problem. */
public record InvoiceValidation(List<InvoiceProblem> problems) {

  public InvoiceValidation {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /** Whether a problem with this code was found. */
  public boolean has(InvoiceProblem.Code code) {
    return problems.stream().anyMatch(p -> p.code() == code);
  }
}
