package jp.tetsuzuki.processes.childcare.allocation;

import java.util.Objects;

/**
 * One of the tenant's ordered tie-break criteria for equal scores (e.g. Ota ward: new application before transfer,
 * higher base points, single parent, …, lower municipal income tax). The criteria are data: the tenant's table names
 * them in order, each applicant carries its value per criterion ({@link Applicant#tieBreakValues()}). A missing value
 * ranks after every present value.
 *
 * @param code key of the value in {@link Applicant#tieBreakValues()}, e.g. {@code baseScore}
 * @param labelJa what staff and parents read, e.g. {@code 基準指数が高い世帯}
 */
public record TieBreak(String code, String labelJa, Direction direction) {

  public enum Direction {
    /** the larger value wins (e.g. base points, single parent = 1) */
    HIGHER_FIRST,
    /** the smaller value wins (e.g. municipal income tax 所得割額) */
    LOWER_FIRST
  }

  public TieBreak {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(direction, "direction");
    labelJa = labelJa == null ? code : labelJa;
  }
}
