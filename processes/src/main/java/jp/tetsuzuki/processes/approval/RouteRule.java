package jp.tetsuzuki.processes.approval;

import java.util.Locale;
import java.util.Map;

/**
 * One row the route table (DMN {@code approval-route-rules}) returned: at {@code order}, a step of {@code kind} for
 * the {@code role} of {@code department} (blank: the originator's), allowed {@code stepDays} business days.
 */
public record RouteRule(int order, StepKind kind, ApproverRole role, String department, int stepDays) {

  static final int DEFAULT_STEP_DAYS = 3;

  /** Reads a row of the decision result (output names as in the table). */
  public static RouteRule fromDecisionRow(Map<String, ?> row) {
    Object order = row.get("stepOrder");
    Object kind = row.get("stepKind");
    Object role = row.get("role");
    Object department = row.get("stepDepartment");
    Object days = row.get("stepDays");
    if (!(order instanceof Number n)) {
      throw new IllegalArgumentException("route rule without a numeric stepOrder: " + row);
    }
    return new RouteRule(n.intValue(), StepKind.parse(kind == null ? null : kind.toString()),
        ApproverRole.parse(role == null ? null : role.toString()),
        department == null || department.toString().isBlank() ? null : department.toString().trim()
            .toLowerCase(Locale.ROOT),
        days instanceof Number d && d.intValue() > 0 ? d.intValue() : DEFAULT_STEP_DAYS);
  }
}
