package jp.tetsuzuki.processes.childcare.allocation;

import java.util.Objects;

/**
 * One preference of a child (第N希望): the facility and the child's score (指数) there. Most municipalities give one
 * score per child, the same at every facility; some add points only at some facilities (a sibling already there),
 * then each facility ranks the children by its own score (ChilmAI's 点数N).
 */
public record Preference(String facilityId, double score) {

  public Preference {
    Objects.requireNonNull(facilityId, "facilityId");
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score: must be a finite number");
    }
  }
}
