package jp.tetsuzuki.processes.approval;

import java.time.LocalDate;
import java.util.List;

/** Who may act for whom on a day (代理): what the route needs of the substitute registrations. */
public interface ActiveSubstitutes {

  /** Substitutes of the principal whose period includes the day. */
  List<String> activeSubstitutesOf(String tenantId, String principal, LocalDate day);

  default boolean isActiveSubstitute(String tenantId, String principal, String substitute, LocalDate day) {
    return activeSubstitutesOf(tenantId, principal, day).contains(substitute);
  }
}
