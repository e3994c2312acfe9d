package jp.tetsuzuki.processes.contract.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.Pause;
import jp.tetsuzuki.processes.contract.ContractKind;
import jp.tetsuzuki.processes.contract.PaymentTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inspection and payment deadlines (shared/domain/contract-payment.md steps 3, 5, 8: inspection 10 days, 14 for
 * construction, restarting from a new notice; payment 30 days, 40 for construction, minus inspection delay (9条),
 * plus paused days; 10 / 15 when the contract names none), counted in calendar days with the end moved to the next
 * open day (shared/domain/calendar-and-identifiers.md). Dates of 2026: 4/29 昭和の日, 5/3 (Sunday) 憲法記念日,
 * 5/4 みどりの日, 5/5 こどもの日, 5/6 振替休日; 12/29–1/3 年末年始.
 */
class ContractDeadlinesTest {

  private static final PaymentTerms GOODS = PaymentTerms.statutoryMaximum(ContractKind.GOODS);
  private static final PaymentTerms CONSTRUCTION = PaymentTerms.statutoryMaximum(ContractKind.CONSTRUCTION);
  private static final PaymentTerms UNNAMED = PaymentTerms.unnamed();

  private final ContractDeadlines deadlines = new ContractDeadlines(OfficeCalendar.standard(),
      ContractDeadlines.DEFAULT_WARNING_OPEN_DAYS);

  static Stream<Arguments> inspectionDue() {
    return Stream.of(
        Arguments.of("goods, 10 days to a Saturday: Monday", GOODS, "2026-04-01", "2026-04-13"),
        Arguments.of("construction, 14 days", CONSTRUCTION, "2026-04-01", "2026-04-15"),
        Arguments.of("goods into Golden Week: after 5/4, 5/5 and the substitute 5/6", GOODS, "2026-04-24",
            "2026-05-07"),
        Arguments.of("construction over Golden Week ends on an open day", CONSTRUCTION, "2026-04-24", "2026-05-08"),
        Arguments.of("into the year-end holidays: 1/4", GOODS, "2026-12-20", "2027-01-04"),
        Arguments.of("a notice on a Sunday still counts from Monday", GOODS, "2026-04-05", "2026-04-15"),
        Arguments.of("contract naming no periods: 10 days", UNNAMED, "2026-04-01", "2026-04-13"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void inspectionDue(String label, PaymentTerms terms, String notice, String due) {
    assertThat(deadlines.inspectionDue(terms, LocalDate.parse(notice))).isEqualTo(LocalDate.parse(due));
  }

  static Stream<Arguments> payment() {
    InspectionRound onTime = new InspectionRound(d("2026-04-01"), d("2026-04-10"), true);
    InspectionRound threeDaysLate = new InspectionRound(d("2026-04-01"), d("2026-04-16"), true); // due 4/13
    InspectionRound failedOnTime = new InspectionRound(d("2026-04-01"), d("2026-04-10"), false);
    InspectionRound passedTwoLate = new InspectionRound(d("2026-04-14"), d("2026-04-26"), true); // due 4/24
    InspectionRound failedOneLate = new InspectionRound(d("2026-04-01"), d("2026-04-14"), false); // due 4/13
    InspectionRound constructionLate = new InspectionRound(d("2026-04-01"), d("2026-04-20"), true); // due 4/15
    List<Pause> none = List.of();
    return Stream.of(
        Arguments.of("goods on time: 30 days", GOODS, List.of(onTime), "2026-04-20", none, 0, 0L, "2026-05-20",
            "2026-05-13"),
        Arguments.of("construction: 40 days to a Saturday, Monday", CONSTRUCTION, List.of(onTime), "2026-04-20",
            none, 0, 0L, "2026-06-01", "2026-05-25"),
        Arguments.of("three days of late inspection are deducted", GOODS, List.of(threeDaysLate), "2026-04-20", none,
            3, 0L, "2026-05-18", "2026-05-11"),
        Arguments.of("failed on time, restarted from the new notice, passed two days late", GOODS,
            List.of(failedOnTime, passedTwoLate), "2026-04-27", none, 2, 0L, "2026-05-25", "2026-05-18"),
        Arguments.of("a late failed inspection counts too", GOODS, List.of(failedOneLate, passedTwoLate),
            "2026-04-27", none, 3, 0L, "2026-05-25", "2026-05-18"),
        Arguments.of("construction late by five days", CONSTRUCTION, List.of(constructionLate), "2026-04-21", none, 5,
            0L, "2026-05-26", "2026-05-19"),
        Arguments.of("invoice returned 4/22, corrected one arrives 4/27: five days paused", GOODS, List.of(onTime),
            "2026-04-20", List.of(new Pause(d("2026-04-22"), d("2026-04-27"))), 0, 5L, "2026-05-25", "2026-05-18"),
        Arguments.of("returned twice", GOODS, List.of(onTime), "2026-04-20",
            List.of(new Pause(d("2026-04-21"), d("2026-04-23")), new Pause(d("2026-05-01"), d("2026-05-08"))), 0, 9L,
            "2026-05-29", "2026-05-22"),
        Arguments.of("into the year-end holidays: 1/4", GOODS, List.of(new InspectionRound(d("2026-11-20"),
            d("2026-11-27"), true)), "2026-11-30", none, 0, 0L, "2027-01-04", "2026-12-22"),
        Arguments.of("contract naming no periods: 15 days", UNNAMED, List.of(onTime), "2026-04-20", none, 0, 0L,
            "2026-05-07", "2026-04-24"),
        Arguments.of("an invoice before the inspection passed: the clock starts at the pass", GOODS,
            List.of(onTime), "2026-04-08", none, 0, 0L, "2026-05-11", "2026-04-28"),
        Arguments.of("a delay longer than the period uses it up: due on the invoice day", UNNAMED,
            List.of(new InspectionRound(d("2026-04-01"), d("2026-05-01"), true)), "2026-05-11", none, 18, 0L,
            "2026-05-11", "2026-05-11"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void payment(String label, PaymentTerms terms, List<InspectionRound> rounds, String invoice, List<Pause> returns,
      int delay, long paused, String due, String warn) {
    PaymentSchedule schedule = deadlines.payment(terms, rounds, d(invoice), returns);

    assertThat(schedule.inspectionDelayDays()).isEqualTo(delay);
    assertThat(schedule.pausedDays()).isEqualTo(paused);
    assertThat(schedule.dueOn()).isEqualTo(d(due));
    assertThat(schedule.warnOn()).isEqualTo(d(warn));
    assertThat(schedule.periodDays()).isEqualTo(terms.paymentDays());
  }

  @Test
  void aRunningInspectionIsNotLateYet() {
    assertThat(deadlines.inspectionDelay(GOODS, InspectionRound.open(d("2026-04-01")))).isZero();
  }

  @Test
  void roundsMustEndWithTheOnePassedInspection() {
    InspectionRound failed = new InspectionRound(d("2026-04-01"), d("2026-04-10"), false);
    InspectionRound passed = new InspectionRound(d("2026-04-14"), d("2026-04-20"), true);

    assertThatThrownBy(() -> deadlines.payment(GOODS, List.of(failed), d("2026-04-20"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds");
    assertThatThrownBy(() -> deadlines.payment(GOODS, List.of(passed, failed), d("2026-04-20"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds");
    assertThatThrownBy(() -> deadlines.payment(GOODS, List.of(), d("2026-04-20"), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rounds");
  }

  @Test
  void aContractCannotNameLongerPeriodsThanTheLaw() {
    assertThatThrownBy(() -> new PaymentTerms(10, 31).checkedFor(ContractKind.SERVICES))
        .hasMessageContaining("paymentDays must be at most 30");
    assertThatThrownBy(() -> new PaymentTerms(15, 40).checkedFor(ContractKind.CONSTRUCTION))
        .hasMessageContaining("inspectionDays must be at most 14");
    assertThat(new PaymentTerms(14, 40).checkedFor(ContractKind.CONSTRUCTION)).isNotNull();
  }

  private static LocalDate d(String date) {
    return LocalDate.parse(date);
  }
}
