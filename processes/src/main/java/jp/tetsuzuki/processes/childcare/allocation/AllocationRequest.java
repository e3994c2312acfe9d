package jp.tetsuzuki.processes.childcare.allocation;

import java.util.List;

/**
 * The input of one allocation round: the facilities with their places, the children and the tenant's ordered
 * tie-break criteria (data from the tenant's rule table). The same request always gives the same result, whatever
 * the order of the lists.
 */
public record AllocationRequest(List<Facility> facilities, List<Applicant> applicants, List<TieBreak> tieBreaks) {

  public AllocationRequest {
    facilities = List.copyOf(facilities);
    applicants = List.copyOf(applicants);
    tieBreaks = tieBreaks == null ? List.of() : List.copyOf(tieBreaks);
  }

  public AllocationRequest(List<Facility> facilities, List<Applicant> applicants) {
    this(facilities, applicants, List.of());
  }
}
