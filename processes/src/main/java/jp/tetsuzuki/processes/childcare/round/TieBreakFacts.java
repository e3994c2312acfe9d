package jp.tetsuzuki.processes.childcare.round;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tetsuzuki.processes.childcare.allocation.TieBreak;
import jp.tetsuzuki.processes.childcare.enrollment.ApplicationContent;

/**
 * The tenants' ordered tie-breaks (同点時の優先順位, domain file "Priority and tie-breaks") as data: one file per
 * tenant, {@code childcare/tenants/<tenant>/tie-breaks.csv}, lines {@code code,direction,labelJa} in order. The codes
 * are the facts the platform keeps for every application (what the parent declared and the points stored), so
 * each value comes from our records, never from a round's input:
 * <ul>
 *   <li>{@code newApplication}: 1 for a child not enrolled anywhere (not a transfer), else 0;
 *   <li>{@code basePoints}: the household's base points (基準指数), as computed by the tenant's table;
 *   <li>{@code singleParent}, {@code welfare}, {@code parentalLeaveEnding}, {@code guardianPostedAway},
 *       {@code siblingEnrolledAtFirstChoice}: 1 or 0;
 *   <li>{@code siblingsApplyingTogether}: 1 when the application has two or more children;
 *   <li>{@code waitingMonths}: the declared waiting months.
 * </ul>
 * A tenant without a file has no tie-breaks (the lottery number decides). Plain Java.
 */
public final class TieBreakFacts {

  static final Set<String> CODES = Set.of("newApplication", "basePoints", "singleParent", "welfare",
      "parentalLeaveEnding", "guardianPostedAway", "siblingEnrolledAtFirstChoice", "siblingsApplyingTogether",
      "waitingMonths");

  private TieBreakFacts() {}

  /** The tenant's criteria in order; an unknown code or direction is the table's mistake, named with its line. */
  public static List<TieBreak> of(String tenantId) {
    String resource = "/childcare/tenants/" + tenantId + "/tie-breaks.csv";
    InputStream in = TieBreakFacts.class.getResourceAsStream(resource);
    if (in == null) {
      return List.of();
    }
    List<TieBreak> criteria = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split(",", 3);
        if (parts.length != 3 || !CODES.contains(parts[0].strip())) {
          throw new IllegalStateException(resource + " line " + number + ": code must be one of " + CODES);
        }
        TieBreak.Direction direction;
        try {
          direction = TieBreak.Direction.valueOf(parts[1].strip());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(resource + " line " + number + ": direction HIGHER_FIRST or LOWER_FIRST");
        }
        criteria.add(new TieBreak(parts[0].strip(), parts[2].strip(), direction));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(criteria);
  }

  /** The values of one child of an application, from the stored application and its base points. */
  public static Map<String, Double> values(ApplicationContent content, ApplicationContent.Child child,
      Integer basePoints) {
    Map<String, Double> values = new HashMap<>();
    values.put("newApplication", child.currentFacilityId() == null ? 1.0 : 0.0);
    if (basePoints != null) {
      values.put("basePoints", basePoints.doubleValue());
    }
    values.put("singleParent", flag(content.singleParent()));
    values.put("welfare", flag(content.welfare()));
    values.put("parentalLeaveEnding", flag(content.parentalLeaveEnding()));
    values.put("guardianPostedAway", flag(content.guardianPostedAway()));
    values.put("siblingEnrolledAtFirstChoice", flag(content.siblingEnrolledAtFirstChoice()));
    values.put("siblingsApplyingTogether", flag(content.children().size() > 1));
    values.put("waitingMonths", (double) content.waitingMonths());
    return values;
  }

  private static double flag(boolean value) {
    return value ? 1.0 : 0.0;
  }
}
