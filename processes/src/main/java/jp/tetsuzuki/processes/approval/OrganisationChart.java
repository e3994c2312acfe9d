package jp.tetsuzuki.processes.approval;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's organisation as data, and approver resolution on it: the 課長, 部長 or 局長 of a department is the head of
 * the first unit of that level on the way up from the department. A reorganisation changes rows, never models.
 */
public final class OrganisationChart {

  private final Map<String, OrgUnit> units = new HashMap<>();

  public OrganisationChart(Collection<OrgUnit> units) {
    units.forEach(u -> this.units.put(u.code(), u));
  }

  public Optional<OrgUnit> unit(String code) {
    return Optional.ofNullable(units.get(code));
  }

  /**
   * The holder of the role for the department.
   *
   * @throws ApproverNotFoundException if the department is unknown, has no unit of that level above it, or the post
   *     is vacant
   */
  public String resolve(String departmentCode, ApproverRole role) {
    OrgUnit unit = units.get(departmentCode);
    if (unit == null) {
      throw new ApproverNotFoundException("department '" + departmentCode + "' is not in the organisation data");
    }
    Set<String> seen = new HashSet<>();
    while (unit != null && seen.add(unit.code())) {
      if (unit.level() == role.level()) {
        if (unit.headUserId() == null || unit.headUserId().isBlank()) {
          throw new ApproverNotFoundException(role.label() + " of '" + departmentCode + "' (" + unit.name()
              + ") is vacant");
        }
        return unit.headUserId();
      }
      unit = unit.parentCode() == null ? null : units.get(unit.parentCode());
    }
    throw new ApproverNotFoundException("no " + role.code() + " above department '" + departmentCode + "'");
  }

  /** Japanese name of the department, or its code if unknown. */
  public String nameOf(String departmentCode) {
    OrgUnit unit = units.get(departmentCode);
    return unit == null ? departmentCode : unit.name();
  }

  /** No holder for a role: the route cannot be resolved (a data problem the model reports as a BPMN error). */
  public static final class ApproverNotFoundException extends RuntimeException {
    public ApproverNotFoundException(String message) {
      super(message);
    }
  }
}
