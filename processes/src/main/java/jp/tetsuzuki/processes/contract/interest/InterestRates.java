package jp.tetsuzuki.processes.contract.interest;

/**
 * The editable, dated table of late-payment interest rates (shared/domain/contract-payment.md, "Late-payment
 * interest": "keep the rate table dated and editable"). {@link JdbcInterestRates} keeps it in
 * {@code tz_late_interest_rate} (V55, seeded with the published rates); {@link InMemoryInterestRates} for tests and
 * tools.
 */
public interface InterestRates {

  /** The table as it stands now. */
  InterestRateTable table();

  /** Adds a rate, or replaces the rate that starts on the same day (a new public notice, or a correction). */
  void put(InterestRate rate);
}
