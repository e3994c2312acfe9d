package jp.tetsuzuki.workers.rpa;

import java.time.LocalDate;
import java.util.Objects;

/** An approved case as the legacy system's entry form needs it. */
public record CaseEntry(
    String caseNumber,
    String applicantName,
    String applicantNameKana,
    LocalDate birthDate,
    String postalCode,
    String address,
    LocalDate decisionDate,
    long monthlyAmount) {

  public CaseEntry {
    Objects.requireNonNull(caseNumber, "caseNumber");
    if (caseNumber.isBlank()) {
      throw new IllegalArgumentException("caseNumber is blank: the bot cannot search for the record");
    }
  }
}
