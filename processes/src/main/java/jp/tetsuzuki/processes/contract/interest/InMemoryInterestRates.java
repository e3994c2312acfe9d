package jp.tetsuzuki.processes.contract.interest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link InterestRates} in memory; thread-safe. */
public final class InMemoryInterestRates implements InterestRates {

  private final Map<LocalDate, InterestRate> rates = new TreeMap<>();

  public InMemoryInterestRates(List<InterestRate> initial) {
    initial.forEach(this::put);
  }

  /**
   * The rates the migrations seed (V55, V67): the domain file's 3.0 % (from 2012-04-01), 2.7 % from 2017-04-01 and
   * 2.6 % from 2020-04-01 (shared/domain/contract-payment.md); the two must stay equal ({@code JdbcInterestRatesTest}
   * checks it).
   */
  public static List<InterestRate> published() {
    return List.of(
        new InterestRate(LocalDate.of(2012, 4, 1), new BigDecimal("3.0"), "財務省告示（平成24年4月1日適用、年3.0%）"),
        new InterestRate(LocalDate.of(2017, 4, 1), new BigDecimal("2.7"), "財務省告示（平成29年4月1日適用、年2.7%）"),
        new InterestRate(LocalDate.of(2020, 4, 1), new BigDecimal("2.6"), "財務省告示（令和2年4月1日適用、年2.6%）"));
  }

  @Override
  public synchronized InterestRateTable table() {
    return new InterestRateTable(List.copyOf(rates.values()));
  }

  @Override
  public synchronized void put(InterestRate rate) {
    if (rate == null) {
      throw new IllegalArgumentException("rate must not be null");
    }
    rates.put(rate.validFrom(), rate);
  }
}
