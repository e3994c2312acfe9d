package jp.tetsuzuki.processes.contract.interest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The dated rates in order: each row applies from its day until the day before the next row's. Immutable. */
public final class InterestRateTable {

  private final List<InterestRate> rates;

  /**
   * @throws IllegalArgumentException if a row is null or two rows start on the same day
   */
  public InterestRateTable(List<InterestRate> rates) {
    if (rates == null) {
      throw new IllegalArgumentException("rates must not be null");
    }
    List<InterestRate> sorted = new ArrayList<>(rates);
    if (sorted.contains(null)) {
      throw new IllegalArgumentException("rates must not contain null");
    }
    sorted.sort(Comparator.comparing(InterestRate::validFrom));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).validFrom().equals(sorted.get(i - 1).validFrom())) {
        throw new IllegalArgumentException("two rates start on " + sorted.get(i).validFrom());
      }
    }
    this.rates = List.copyOf(sorted);
  }

  public List<InterestRate> rates() {
    return rates;
  }

  /** The rate in force on a day, if the table reaches back that far. */
  public Optional<InterestRate> rateOn(LocalDate day) {
    InterestRate found = null;
    for (InterestRate rate : rates) {
      if (rate.validFrom().isAfter(day)) {
        break;
      }
      found = rate;
    }
    return Optional.ofNullable(found);
  }

  /**
   * Splits the days {@code first..last} (both inclusive) where the rate changes.
   *
   * @throws MissingInterestRateException if the table has no rate for {@code first}
   */
  public List<RatePeriod> periods(LocalDate first, LocalDate last) {
    List<RatePeriod> periods = new ArrayList<>();
    LocalDate from = first;
    while (!from.isAfter(last)) {
      LocalDate day = from;
      InterestRate rate = rateOn(day).orElseThrow(() -> new MissingInterestRateException(day));
      LocalDate next = rates.stream().map(InterestRate::validFrom).filter(d -> d.isAfter(day)).findFirst()
          .orElse(null);
      LocalDate to = next == null || next.isAfter(last) ? last : next.minusDays(1);
      periods.add(new RatePeriod(from, to, rate));
      from = to.plusDays(1);
    }
    return periods;
  }

  /** Days {@code from..to} (inclusive) at one rate. */
  public record RatePeriod(LocalDate from, LocalDate to, InterestRate rate) {
    public long days() {
      return java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
    }
  }
}
