package jp.tetsuzuki.processes.childcare.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo tenants' points tables against the published examples quoted in {@code shared/domain/childcare.md}
 * ("Points"): デモ区 follows Shinagawa 2017 (days per month × hours per day per guardian), デモ市 follows Kunitachi
 * (days and hours per week). Adjustment values are the demo tenants' own (typical adjustments of the domain file).
 */
class HouseholdPointsTest {

  static final HouseholdPoints POINTS = new HouseholdPoints(new FileDmnPointsDecisions());
  static final int FY = 2026;

  @ParameterizedTest(name = "デモ区 {0}日×{1}時間 = {2}")
  @CsvSource({
      // Shinagawa 2017: 20d·8h = 20; 20d or 18d·7–8h = 19; 20d·6h, 18d·7h, 16d·8h = 18; 16d·6h, 12d·8h = 16;
      // 20d·4h, 16d·5h = 14; 16d·4h, 14d·5h, 12d·6h = 12; 12d·4h = 10
      "20, 8, 20", "22, 9, 20",
      "20, 7, 19", "18, 8, 19",
      "20, 6, 18", "18, 7, 18", "16, 8, 18",
      "16, 6, 16", "12, 8, 16", "16, 7, 16",
      "20, 4, 14", "16, 5, 14",
      "16, 4, 12", "14, 5, 12", "12, 6, 12",
      "12, 4, 10", "13, 4.5, 10",
      // under 12 days or 4 hours (less than 48 h a month): no reason
      "11, 8, 0", "20, 3.5, 0"})
  void shinagawaStyleMonthlyTable(int days, double hours, int expected) {
    assertThat(base("demo-ku", GuardianWork.monthly(days, hours))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "デモ市 週{0}日・{1}時間 = {2}")
  @CsvSource({
      // Kunitachi: 5 days/35 h = 90, 5/30 = 80, 4/27 = 70, 4/22 = 60, 3/16 = 50, 3/12 = 40
      "5, 35, 90", "6, 40, 90",
      "5, 30, 80", "5, 34.5, 80",
      "4, 27, 70", "5, 28, 70",
      "4, 22, 60",
      "3, 16, 50", "4, 20, 50",
      "3, 12, 40",
      "2, 16, 0", "3, 11, 0"})
  void kunitachiStyleWeeklyTable(int days, double hours, int expected) {
    assertThat(base("demo-shi", GuardianWork.weekly(days, hours))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
      "demo-ku, pregnancy, 8", "demo-ku, other-work, 8", "demo-ku, absent, 20", "demo-ku, none, 0",
      "demo-shi, pregnancy, 70", "demo-shi, other-work, 30", "demo-shi, absent, 90", "demo-shi, none, 0"})
  void otherReasons(String tenant, String reason, int expected) {
    assertThat(base(tenant, GuardianWork.of(CareReason.ofCode(reason)))).isEqualTo(expected);
  }

  @Test
  void theSameCertificateScoresByEachTenantsOwnForm() {
    // 月20日・1日8時間 → 週5日・40時間 (a month counts as 4 weeks)
    assertThat(base("demo-shi", GuardianWork.monthly(20, 8))).isEqualTo(90);
    // 週4日・24時間 → 月16日・1日6時間
    assertThat(base("demo-ku", GuardianWork.weekly(4, 24))).isEqualTo(16);
  }

  @ParameterizedTest(name = "{0}: {7}")
  @CsvSource({
      // tenant, singleParent, sibling, leaveEnding, welfare, postedAway, waitingMonths, expected adjustment
      "demo-ku, false, false, false, false, false, 0, 0",
      "demo-ku, true, false, false, false, false, 0, 3",
      "demo-ku, false, true, false, false, false, 0, 2",
      "demo-ku, false, false, true, false, false, 0, 2",
      "demo-ku, false, false, false, true, false, 0, 3",
      "demo-ku, false, false, false, false, true, 0, 1",
      "demo-ku, false, false, false, false, false, 6, 1",
      "demo-ku, false, false, false, false, false, 5, 0",
      "demo-ku, false, true, true, false, true, 12, 6",
      "demo-shi, true, false, false, false, false, 0, 10",
      "demo-shi, false, true, false, false, false, 0, 5",
      "demo-shi, false, false, false, false, false, 3, 2",
      "demo-shi, false, true, true, true, true, 3, 27"})
  void adjustmentsAddUp(String tenant, boolean single, boolean sibling, boolean leave, boolean welfare,
      boolean away, int waiting, int expected) {
    List<GuardianWork> guardians = single ? List.of(GuardianWork.monthly(20, 8))
        : List.of(GuardianWork.monthly(20, 8), GuardianWork.monthly(20, 8));
    HouseholdScore score = POINTS.score(tenant, FY,
        new HouseholdFacts(guardians, single, sibling, leave, welfare, away, waiting));
    assertThat(score.adjustmentPoints()).isEqualTo(expected);
    assertThat(score.total()).isEqualTo(score.basePoints() + expected);
    assertThat(score.adjustments()).extracting(HouseholdScore.Adjustment::points).allMatch(p -> p > 0);
  }

  @Test
  void householdScoreIsBothGuardiansPlusAdjustmentsWithAJapaneseExplanation() {
    HouseholdScore score = POINTS.score("demo-ku", FY, new HouseholdFacts(
        List.of(GuardianWork.monthly(20, 8), GuardianWork.monthly(16, 6)), false, true, false, false, false, 0));
    assertThat(score.guardians()).extracting(HouseholdScore.GuardianPoints::points).containsExactly(20, 16);
    assertThat(score.total()).isEqualTo(38);
    assertThat(score.explanationJa()).isEqualTo("2026年度 世帯指数 38（基準指数 保護者1 20［就労 月20日以上・1日8時間以上］"
        + "＋保護者2 16［就労 月16日以上・1日6時間以上］、調整指数 2: きょうだいが第1希望の施設に在園 +2）");
  }

  @Test
  void singleParentCountsTheAbsentGuardianAtTheTopOfTheTable() {
    HouseholdScore ku = POINTS.score("demo-ku", FY,
        new HouseholdFacts(List.of(GuardianWork.monthly(16, 6)), true, false, false, false, false, 0));
    assertThat(ku.total()).isEqualTo(16 + 20 + 3);
    HouseholdScore shi = POINTS.score("demo-shi", FY,
        new HouseholdFacts(List.of(GuardianWork.weekly(3, 16)), true, false, false, false, false, 0));
    assertThat(shi.total()).isEqualTo(50 + 90 + 10);
    assertThat(shi.guardians()).extracting(HouseholdScore.GuardianPoints::reason)
        .containsExactly(CareReason.WORK, CareReason.ABSENT);
  }

  @Test
  void noTableForTheFiscalYearIsAClearError() {
    assertThatThrownBy(() -> POINTS.score("demo-ku", 2031, new HouseholdFacts(
        List.of(GuardianWork.monthly(20, 8), GuardianWork.monthly(20, 8)), false, false, false, false, false, 0)))
        .isInstanceOfSatisfying(PointsTableMissingException.class,
            e -> assertThat(e.messageJa()).isEqualTo("2031年度の指数表が登録されていません。"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"daysPerMonth, 32, 8", "hoursPerDay, 20, 25", "daysPerMonth, -1, 8"})
  void outOfRangeWorkNamesTheField(String field, int days, double hours) {
    assertThatThrownBy(() -> GuardianWork.monthly(days, hours))
        .isInstanceOfSatisfying(InvalidPointsInputException.class, e -> assertThat(e.field()).isEqualTo(field));
  }

  @Test
  void workWithoutDaysAndHoursAndAMissingGuardianAreRefused() {
    assertThatThrownBy(() -> new GuardianWork(CareReason.WORK, 20, null, null, null))
        .isInstanceOfSatisfying(InvalidPointsInputException.class, e -> assertThat(e.field()).isEqualTo("daysPerMonth"));
    assertThatThrownBy(() -> new HouseholdFacts(List.of(GuardianWork.monthly(20, 8)), false, false, false, false,
        false, 0)).isInstanceOfSatisfying(InvalidPointsInputException.class,
        e -> assertThat(e.field()).isEqualTo("guardians"));
  }

  @ParameterizedTest
  @CsvSource({"2026-04-01, 2026", "2027-03-01, 2026", "2027-04-01, 2027"})
  void fiscalYearRunsFromApril(LocalDate month, int fiscalYear) {
    assertThat(HouseholdPoints.fiscalYearOf(month)).isEqualTo(fiscalYear);
  }

  private static int base(String tenant, GuardianWork work) {
    GuardianWork other = GuardianWork.monthly(20, 8);
    HouseholdScore score = POINTS.score(tenant, FY,
        new HouseholdFacts(List.of(work, other), false, false, false, false, false, 0));
    return score.guardians().get(0).points();
  }
}
