package jp.tetsuzuki.processes.childcare.points;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the household score from the guardians' facts with the tenant's points table of the fiscal year. The
 * table is data (DMN per tenant and fiscal year, {@code dmn/tenants/<tenant>/childcare-points-fy<year>.dmn}): this
 * class only maps facts to the table's inputs and adds up its rows.
 *
 * <p>Decisions: {@code childcare-base-points-fy<year>} (hit policy FIRST, per guardian: inputs {@code reason},
 * {@code daysPerMonth}, {@code hoursPerDay}, {@code daysPerWeek}, {@code hoursPerWeek}; outputs {@code basePoints},
 * {@code basis}) and {@code childcare-adjustment-points-fy<year>} (COLLECT, per household: inputs
 * {@code singleParent}, {@code siblingEnrolledAtFirstChoice}, {@code parentalLeaveEnding}, {@code welfare},
 * {@code guardianPostedAway}, {@code waitingMonths}; outputs {@code adjustmentPoints}, {@code reasonJa}).
 */
public class HouseholdPoints {

  public static final String BASE_DECISION_PREFIX = "childcare-base-points-fy";
  public static final String ADJUSTMENT_DECISION_PREFIX = "childcare-adjustment-points-fy";

  private final PointsDecisions decisions;

  public HouseholdPoints(PointsDecisions decisions) {
    this.decisions = decisions;
  }

  /** The fiscal year (April to March) of an admission month's first day, e.g. 2027-03-01 → 2026. */
  public static int fiscalYearOf(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
  }

  public HouseholdScore score(String tenantId, int fiscalYear, HouseholdFacts facts) {
    List<HouseholdScore.GuardianPoints> guardians = new ArrayList<>();
    int base = 0;
    for (GuardianWork guardian : facts.scoredGuardians()) {
      GuardianWork work = guardian.normalized();
      Map<String, Object> inputs = new LinkedHashMap<>();
      inputs.put("reason", work.reason().code());
      inputs.put("daysPerMonth", work.daysPerMonth());
      inputs.put("hoursPerDay", work.hoursPerDay());
      inputs.put("daysPerWeek", work.daysPerWeek());
      inputs.put("hoursPerWeek", work.hoursPerWeek());
      List<Map<String, Object>> rows = decisions.evaluate(tenantId, BASE_DECISION_PREFIX + fiscalYear, inputs);
      if (rows.isEmpty()) {
        throw new IllegalStateException("Points table " + BASE_DECISION_PREFIX + fiscalYear + " of tenant "
            + tenantId + " has no row for reason " + work.reason().code());
      }
      int points = number(rows.get(0).get("basePoints"));
      guardians.add(new HouseholdScore.GuardianPoints(work.reason(), points, text(rows.get(0).get("basis"))));
      base += points;
    }
    Map<String, Object> household = new LinkedHashMap<>();
    household.put("singleParent", facts.singleParent());
    household.put("siblingEnrolledAtFirstChoice", facts.siblingEnrolledAtFirstChoice());
    household.put("parentalLeaveEnding", facts.parentalLeaveEnding());
    household.put("welfare", facts.welfare());
    household.put("guardianPostedAway", facts.guardianPostedAway());
    household.put("waitingMonths", facts.waitingMonths());
    List<HouseholdScore.Adjustment> adjustments = new ArrayList<>();
    int adjustment = 0;
    for (Map<String, Object> row :
        decisions.evaluate(tenantId, ADJUSTMENT_DECISION_PREFIX + fiscalYear, household)) {
      int points = number(row.get("adjustmentPoints"));
      adjustments.add(new HouseholdScore.Adjustment(points, text(row.get("reasonJa"))));
      adjustment += points;
    }
    return new HouseholdScore(fiscalYear, base + adjustment, base, adjustment, guardians, adjustments);
  }

  private static int number(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalStateException("Points table row without a number: " + value);
    }
    return n.intValue();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
