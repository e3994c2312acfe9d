package jp.tetsuzuki.processes.childcare.allocation;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The placements of a round, one per applicant, ordered by applicant id as the request sorted them. */
public record AllocationResult(List<Placement> placements) {

  public AllocationResult {
    placements = List.copyOf(placements);
  }

  public Map<String, Placement> byApplicant() {
    return placements.stream().collect(Collectors.toMap(Placement::applicantId, Function.identity()));
  }

  /** Where the applicant ends up, null when waiting. */
  public String facilityOf(String applicantId) {
    return placements.stream().filter(p -> p.applicantId().equals(applicantId)).findFirst()
        .map(Placement::facilityId).orElse(null);
  }
}
