package jp.tetsuzuki.processes.contract.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.calendar.Pause;
import jp.tetsuzuki.processes.calendar.PeriodUnit;
import jp.tetsuzuki.processes.contract.PaymentTerms;

/**
 * Inspection and payment deadlines of a contract (shared/domain/contract-payment.md, steps 3, 5 and 8; 政府契約の
 * 支払遅延防止等に関する法律 5条, 6条, 9条, applied by local governments through 14条).
 *
 * <p>The law's periods are days (日), so they are calendar days, counted as shared/domain/calendar-and-identifiers.md
 * says: the starting day is not counted (初日不算入), and a period ending on a closed day ends on the next open day
 * (民法142条). Paused days (an invoice returned for correction) are calendar days too. Only the warning before the
 * payment due date is in open days: it is a reminder to the office, like the procedures' reminders.
 *
 * <ul>
 *   <li>Inspection due: notice + {@link PaymentTerms#inspectionDays()} (10, 14 for construction). A failed
 *       inspection restarts the period from the next notice.</li>
 *   <li>Inspection delay: for each round that ended, the calendar days it ended after its due date; the sum over all
 *       rounds (a late failed inspection is as much the office's delay as a late pass).</li>
 *   <li>Payment due: clock start + ({@link PaymentTerms#paymentDays()} − delay, at least 0, 9条: a delay longer than
 *       the period makes the period expire) + paused days, moved to the next open day.</li>
 * </ul>
 */
public final class ContractDeadlines {

  /** Open days before the payment due date on which staff are warned, unless configured otherwise. */
  public static final int DEFAULT_WARNING_OPEN_DAYS = 5;

  private final OfficeCalendar calendar;
  private final int warningOpenDays;

  /**
   * @param calendar        the tenant's office calendar
   * @param warningOpenDays 0..30 open days before the payment due date to warn on
   */
  public ContractDeadlines(OfficeCalendar calendar, int warningOpenDays) {
    if (calendar == null) {
      throw new IllegalArgumentException("calendar must not be null");
    }
    if (warningOpenDays < 0 || warningOpenDays > 30) {
      throw new IllegalArgumentException("warningOpenDays must be 0..30");
    }
    this.calendar = calendar;
    this.warningOpenDays = warningOpenDays;
  }

  /** The last day of inspection for a completion notice: notice + the contract's inspection days (5条). */
  public LocalDate inspectionDue(PaymentTerms terms, LocalDate noticeOn) {
    requireNonNull(terms, "terms");
    requireNonNull(noticeOn, "noticeOn");
    return calendar.dueDate(noticeOn, terms.inspectionDays(), PeriodUnit.CALENDAR_DAYS);
  }

  /** Calendar days an ended round ran past its due date; 0 when on time or still running. */
  public int inspectionDelay(PaymentTerms terms, InspectionRound round) {
    requireNonNull(round, "round");
    if (round.inspectedOn() == null) {
      return 0;
    }
    LocalDate due = inspectionDue(terms, round.noticeOn());
    return (int) Math.max(0, ChronoUnit.DAYS.between(due, round.inspectedOn()));
  }

  /**
   * @param terms             the contract's periods
   * @param rounds            the inspections in order; the last one passed, the earlier ones failed
   * @param invoiceReceivedOn the day the invoice (the first one, if it was returned) arrived
   * @param returns           the completed returns: invoice returned on {@code requestedOn}, corrected invoice
   *                          arrived on {@code resumedOn}; none before the clock starts, none overlapping
   * @throws IllegalArgumentException if an argument is missing, the rounds are not ended failures followed by one
   *                                  pass, or the returns are inconsistent
   */
  public PaymentSchedule payment(PaymentTerms terms, List<InspectionRound> rounds, LocalDate invoiceReceivedOn,
      List<Pause> returns) {
    requireNonNull(terms, "terms");
    requireNonNull(invoiceReceivedOn, "invoiceReceivedOn");
    requireNonNull(returns, "returns");
    checkRounds(rounds);
    InspectionRound passed = rounds.get(rounds.size() - 1);
    LocalDate start = passed.inspectedOn().isAfter(invoiceReceivedOn) ? passed.inspectedOn() : invoiceReceivedOn;
    int delay = rounds.stream().mapToInt(r -> inspectionDelay(terms, r)).sum();
    int effective = Math.max(0, terms.paymentDays() - delay);
    long paused = returns.stream()
        .mapToLong(p -> ChronoUnit.DAYS.between(p.requestedOn(), p.resumedOn())).sum();
    LocalDate due = effective > 0
        ? calendar.dueDate(start, effective, PeriodUnit.CALENDAR_DAYS, returns)
        // a period used up by the delay: due on the start day itself (plus pauses), counted by the same rule as
        // a one-day period from the day before
        : calendar.dueDate(start.minusDays(1), 1, PeriodUnit.CALENDAR_DAYS, returns);
    LocalDate warn = calendar.subtractOpenDays(due, warningOpenDays);
    if (warn.isBefore(start)) {
      warn = start;
    }
    return new PaymentSchedule(start, terms.paymentDays(), delay, paused, due, warn);
  }

  private static void checkRounds(List<InspectionRound> rounds) {
    if (rounds == null || rounds.isEmpty()) {
      throw new IllegalArgumentException("rounds must hold at least the passed inspection");
    }
    for (int i = 0; i < rounds.size(); i++) {
      InspectionRound round = rounds.get(i);
      requireNonNull(round, "rounds element");
      boolean last = i == rounds.size() - 1;
      if (round.inspectedOn() == null || round.passed() != last) {
        throw new IllegalArgumentException("rounds must be ended failed inspections followed by one passed inspection");
      }
      if (i > 0 && round.noticeOn().isBefore(rounds.get(i - 1).inspectedOn())) {
        throw new IllegalArgumentException("rounds: a new notice must not come before the previous inspection ended");
      }
    }
  }

  private static void requireNonNull(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
  }
}
