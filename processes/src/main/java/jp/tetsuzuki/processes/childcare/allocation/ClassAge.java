package jp.tetsuzuki.processes.childcare.allocation;

import java.time.LocalDate;
import java.time.Period;

/**
 * The class age (クラス年齢): the child's age on 1 April of the fiscal year, fixed for the whole year. By the Act on
 * Calculation of Age a child attains its age at the end of the day before its birthday, so a child born on 1 April is
 * one class above a child born on 2 April of the same year; {@link Period} on 1 April gives exactly that.
 */
public final class ClassAge {

  private ClassAge() {}

  /** The age on 1 April of {@code fiscalYear} (e.g. 2027 for April 2027 to March 2028); negative if not yet born. */
  public static int of(LocalDate birthDate, int fiscalYear) {
    LocalDate april = LocalDate.of(fiscalYear, 4, 1);
    if (birthDate.isAfter(april)) {
      return -1;
    }
    // a child born on 1 April has attained its age at the end of 31 March: Period on 1 April already counts it
    return Period.between(birthDate, april).getYears();
  }
}
