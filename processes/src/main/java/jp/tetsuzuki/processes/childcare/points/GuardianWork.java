package jp.tetsuzuki.processes.childcare.points;

/**
 * One guardian's facts as the points tables read them: the reason and, for {@link CareReason#WORK}, the regular work
 * either per month (days per month, hours per day: the form of Shinagawa-style tables) or per week (days and hours
 * per week: Kunitachi-style), or both as the employment certificate states them (就労時間 1週・1か月の合計).
 *
 * <p>{@link #normalized()} fills the missing form so that every table finds its inputs: a month counts as 4 weeks
 * (days per week = days per month / 4, rounded down; hours per week = days per week × hours per day), and hours per
 * day = hours per week / days per week. A municipality that converts differently states both forms.
 */
public record GuardianWork(
    CareReason reason, Integer daysPerMonth, Double hoursPerDay, Integer daysPerWeek, Double hoursPerWeek) {

  public GuardianWork {
    if (reason == null) {
      throw new InvalidPointsInputException("reason", "保育を必要とする事由を指定してください。");
    }
    check("daysPerMonth", daysPerMonth == null ? null : daysPerMonth.doubleValue(), 31, "1か月の就労日数");
    check("hoursPerDay", hoursPerDay, 24, "1日の就労時間");
    check("daysPerWeek", daysPerWeek == null ? null : daysPerWeek.doubleValue(), 7, "1週の就労日数");
    check("hoursPerWeek", hoursPerWeek, 168, "1週の就労時間");
    if (reason == CareReason.WORK) {
      boolean monthly = daysPerMonth != null && hoursPerDay != null;
      boolean weekly = daysPerWeek != null && hoursPerWeek != null;
      if (!monthly && !weekly) {
        throw new InvalidPointsInputException("daysPerMonth",
            "就労の場合は、1か月の就労日数と1日の就労時間、または1週の就労日数と就労時間を入力してください。");
      }
    }
  }

  public static GuardianWork monthly(int daysPerMonth, double hoursPerDay) {
    return new GuardianWork(CareReason.WORK, daysPerMonth, hoursPerDay, null, null);
  }

  public static GuardianWork weekly(int daysPerWeek, double hoursPerWeek) {
    return new GuardianWork(CareReason.WORK, null, null, daysPerWeek, hoursPerWeek);
  }

  public static GuardianWork of(CareReason reason) {
    return new GuardianWork(reason, null, null, null, null);
  }

  /** Both forms filled (zeros for a reason other than work). */
  public GuardianWork normalized() {
    if (reason != CareReason.WORK) {
      return new GuardianWork(reason, zero(daysPerMonth), zero(hoursPerDay), zero(daysPerWeek), zero(hoursPerWeek));
    }
    Integer dm = daysPerMonth;
    Double hd = hoursPerDay;
    Integer dw = daysPerWeek;
    Double hw = hoursPerWeek;
    if (dm == null || hd == null) {
      dm = dw * 4;
      hd = dw == 0 ? 0.0 : hw / dw;
    }
    if (dw == null || hw == null) {
      dw = Math.min(7, dm / 4);
      hw = dw * hd;
    }
    return new GuardianWork(reason, dm, hd, dw, hw);
  }

  private static int zero(Integer value) {
    return value == null ? 0 : value;
  }

  private static double zero(Double value) {
    return value == null ? 0.0 : value;
  }

  private static void check(String field, Double value, double max, String labelJa) {
    if (value != null && (value < 0 || value > max || value.isNaN())) {
      throw new InvalidPointsInputException(field, labelJa + "は0から" + (int) max + "の範囲で入力してください。");
    }
  }
}
