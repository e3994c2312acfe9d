package jp.tetsuzuki.processes.contract.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.tetsuzuki.processes.contract.Contract;
import jp.tetsuzuki.processes.contract.Contracts;
import jp.tetsuzuki.processes.contract.interest.LateInterest.RateBasis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Late-payment interest (shared/domain/contract-payment.md, "Late-payment interest": unpaid × annual rate × days late
 * / 365, from the day after the due date to the payment day, under 100 yen cut; 3.0 % until 2017-03-31, 2.7 % from
 * 2017-04-01, 2.6 % from 2020-04-01, dated and editable).
 */
class LateInterestTest {

  private final LateInterest perDay = new LateInterest(new InMemoryInterestRates(InMemoryInterestRates.published()),
      RateBasis.DAY_OF_DELAY);

  static Stream<Arguments> perDayOfDelay() {
    return Stream.of(
        // 1,000,000 × 2.6 % × 30 / 365 = 2,136.98 → 2,100
        Arguments.of("30 days at 2.6 %", 1_000_000L, "2020-05-01", "2020-05-31", 30L, 2_136L, 2_100L),
        // 11 days at 2.7 % (3/21..3/31) + 19 days at 2.6 % (4/1..4/19): 1e6 × 79.1 / 36,500 = 2,167.12 → 2,100
        Arguments.of("across the change of 2020-04-01", 1_000_000L, "2020-03-20", "2020-04-19", 30L, 2_167L, 2_100L),
        // 3/21..3/31 at 3.0 %, 4/1..4/10 at 2.7 %: 12,345,678 × (33 + 27) / 36,500 = 20,294.26 → 20,200
        Arguments.of("across the change of 2017-04-01", 12_345_678L, "2017-03-20", "2017-04-10", 21L, 20_294L,
            20_200L),
        // 5/1/2020..3/31/2021 at 2.6 %; / 365 whatever the year: 10,000,000 × 2.6 × 335
        // / 36,500 = 238,630.14 → 238,600
        Arguments.of("almost a year, divided by 365", 10_000_000L, "2020-04-30", "2021-03-31", 335L,
            238_630L, 238_600L),
        // 100,000 × 2.6 % × 10 / 365 = 71.23 → under 100 yen: nothing (2.6 % still: the domain file lists no
        // later notice, V67)
        Arguments.of("under 100 yen is cut whole", 100_000L, "2022-06-10", "2022-06-20", 10L, 71L, 0L),
        Arguments.of("paid on the due date", 1_000_000L, "2022-06-10", "2022-06-10", 0L, 0L, 0L),
        Arguments.of("paid early", 1_000_000L, "2022-06-10", "2022-06-01", 0L, 0L, 0L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void perDayOfDelay(String label, long unpaid, String due, String paid, long days, long exact, long interest) {
    LateInterest.Calculation c = perDay.compute(Contracts.exampleGoods(), unpaid, LocalDate.parse(due),
        LocalDate.parse(paid));

    assertThat(c.daysLate()).isEqualTo(days);
    assertThat(c.exactYen()).isEqualTo(exact);
    assertThat(c.interestYen()).isEqualTo(interest);
    assertThat(c.periods().stream().mapToLong(InterestRateTable.RatePeriod::days).sum()).isEqualTo(days);
  }

  @Test
  void aDelayAcrossARateChangeIsSplitAtTheChange() {
    LateInterest.Calculation c = perDay.compute(Contracts.exampleGoods(), 1_000_000L, LocalDate.of(2020, 3, 20),
        LocalDate.of(2020, 4, 19));

    assertThat(c.periods()).extracting(p -> p.from() + ".." + p.to() + "@" + p.rate().annualPercent())
        .containsExactly("2020-03-21..2020-03-31@2.7", "2020-04-01..2020-04-19@2.6");
  }

  @Test
  void aContractClauseMayFixTheRateOfTheContractDate() {
    Contract signed2020 = Contracts.signedOn(LocalDate.of(2020, 5, 1), Contracts.exampleGoods().items(),
        Contracts.exampleGoods().taxRounding());
    // signed when 2.6 % was in force: 2.6 % for a delay in 2024, when a (test) notice of the day says 2.5 %
    InMemoryInterestRates rates = new InMemoryInterestRates(InMemoryInterestRates.published());
    rates.put(new InterestRate(LocalDate.of(2023, 4, 1), new BigDecimal("2.5"), "テスト用の告示"));
    LateInterest byContract = new LateInterest(rates, RateBasis.CONTRACT_DATE);

    LateInterest.Calculation c = byContract.compute(signed2020, 1_000_000L, LocalDate.of(2024, 3, 20),
        LocalDate.of(2024, 4, 19));

    // 1e6 × 2.6 × 30 / 36,500 = 2,136.98 → 2,100 (by the day's rate: 2,054.79 → 2,000)
    assertThat(c.exactYen()).isEqualTo(2_136L);
    assertThat(c.interestYen()).isEqualTo(2_100L);
    assertThat(new LateInterest(rates, RateBasis.DAY_OF_DELAY).compute(signed2020, 1_000_000L,
        LocalDate.of(2024, 3, 20), LocalDate.of(2024, 4, 19)).interestYen()).isEqualTo(2_000L);
  }

  @Test
  void anEditedTableAppliesToTheNextComputation() {
    InMemoryInterestRates rates = new InMemoryInterestRates(InMemoryInterestRates.published());
    LateInterest interest = new LateInterest(rates, RateBasis.DAY_OF_DELAY);
    rates.put(new InterestRate(LocalDate.of(2026, 4, 1), new BigDecimal("3.1"), "テスト用の告示"));

    // 10 days at 2.6 % (3/22..3/31) and 10 at 3.1 % (4/1..4/10): 1e6 × 57 / 36,500 = 1,561.64 → 1,500
    LateInterest.Calculation c = interest.compute(Contracts.exampleGoods(), 1_000_000L, LocalDate.of(2026, 3, 21),
        LocalDate.of(2026, 4, 10));

    assertThat(c.exactYen()).isEqualTo(1_561L);
    assertThat(c.interestYen()).isEqualTo(1_500L);
  }

  @Test
  void aDayTheTableDoesNotReachIsAnErrorNotAGuess() {
    assertThatThrownBy(() -> perDay.compute(Contracts.exampleGoods(), 1_000_000L, LocalDate.of(2012, 3, 20),
        LocalDate.of(2012, 4, 5))).isInstanceOfSatisfying(MissingInterestRateException.class,
            e -> assertThat(e.day()).isEqualTo(LocalDate.of(2012, 3, 21)));
  }

  @Test
  void twoRatesOnOneDayAreRefused() {
    InterestRate a = new InterestRate(LocalDate.of(2020, 4, 1), new BigDecimal("2.6"), "a");
    InterestRate b = new InterestRate(LocalDate.of(2020, 4, 1), new BigDecimal("2.7"), "b");
    assertThatThrownBy(() -> new InterestRateTable(List.of(a, b))).hasMessageContaining("2020-04-01");
  }
}
