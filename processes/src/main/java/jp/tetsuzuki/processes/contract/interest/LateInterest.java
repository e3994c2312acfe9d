package jp.tetsuzuki.processes.contract.interest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.tetsuzuki.processes.contract.Contract;

/**
 * Late-payment interest (遅延利息, 政府契約の支払遅延防止等に関する法律 8条; shared/domain/contract-payment.md):
 * unpaid × annual rate × days late / 365, counted from the day after the due date to the payment day (both
 * inclusive), 365 also in leap years. Where the rate changes during the delay, each period is charged at its own
 * rate and the periods are added exactly; the sum is cut to whole yen and then below 100 yen (the usual contract
 * clause: "100円未満の端数があるとき又はその金額が100円未満であるときは切り捨て"), once.
 *
 * <p>Which rate: {@link RateBasis#DAY_OF_DELAY} charges each day at the rate in force that day (issue 11: "across a
 * rate change, split per period"); {@link RateBasis#CONTRACT_DATE} charges every day at the rate in force on the
 * contract date, as contract clauses that say "当該契約締結の日における…率" do. The tenant's contract clause decides.
 */
public final class LateInterest {

  /** Which day's rate applies. */
  public enum RateBasis { DAY_OF_DELAY, CONTRACT_DATE }

  private static final BigDecimal DAYS_PER_YEAR_PERCENT = BigDecimal.valueOf(365 * 100);
  private static final long CUT = 100;

  private final InterestRates rates;
  private final RateBasis basis;

  public LateInterest(InterestRates rates, RateBasis basis) {
    if (rates == null || basis == null) {
      throw new IllegalArgumentException("rates and basis must not be null");
    }
    this.rates = rates;
    this.basis = basis;
  }

  /**
   * @param contract the contract (its date for {@link RateBasis#CONTRACT_DATE})
   * @param unpaid   yen unpaid on time, 0..{@value Contract#MAX_AMOUNT}
   * @param dueOn    the payment due date
   * @param paidOn   the day of payment
   * @throws MissingInterestRateException if the table has no rate for a day that needs one
   */
  public Calculation compute(Contract contract, long unpaid, LocalDate dueOn, LocalDate paidOn) {
    if (contract == null || dueOn == null || paidOn == null) {
      throw new IllegalArgumentException("contract, dueOn and paidOn must not be null");
    }
    if (unpaid < 0 || unpaid > Contract.MAX_AMOUNT) {
      throw new IllegalArgumentException("unpaid must be 0.." + Contract.MAX_AMOUNT + " yen");
    }
    long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueOn, paidOn));
    if (daysLate == 0 || unpaid == 0) {
      return new Calculation(unpaid, daysLate, List.of(), 0, 0);
    }
    InterestRateTable table = rates.table();
    LocalDate first = dueOn.plusDays(1);
    List<InterestRateTable.RatePeriod> periods = switch (basis) {
      case DAY_OF_DELAY -> table.periods(first, paidOn);
      case CONTRACT_DATE -> List.of(new InterestRateTable.RatePeriod(first, paidOn,
          table.rateOn(contract.contractDate()).orElseThrow(
              () -> new MissingInterestRateException(contract.contractDate()))));
    };
    BigDecimal numerator = BigDecimal.ZERO;
    for (InterestRateTable.RatePeriod period : periods) {
      numerator = numerator.add(BigDecimal.valueOf(unpaid).multiply(period.rate().annualPercent())
          .multiply(BigDecimal.valueOf(period.days())));
    }
    long yen = numerator.divide(DAYS_PER_YEAR_PERCENT, 0, RoundingMode.FLOOR).longValueExact();
    return new Calculation(unpaid, daysLate, periods, yen, yen / CUT * CUT);
  }

  /**
   * @param unpaid      the amount interest is charged on
   * @param daysLate    days from the day after the due date to the payment day
   * @param periods     the days at each rate
   * @param exactYen    the interest cut to whole yen, before the 100-yen cut
   * @param interestYen the interest to pay
   */
  public record Calculation(long unpaid, long daysLate, List<InterestRateTable.RatePeriod> periods, long exactYen,
      long interestYen) {
    public Calculation {
      periods = List.copyOf(periods);
    }
  }
}
