package jp.tetsuzuki.processes.contract.interest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import jp.tetsuzuki.processes.contract.ContractTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The rate table in {@code tz_late_interest_rate} (V55), on H2 and, tagged {@code database}, on PostgreSQL
 * (shared/domain/contract-payment.md: "keep the rate table dated and editable").
 */
@Tag("database")
class JdbcInterestRatesTest {

  private static ContractTestDatabase database;

  @BeforeAll
  static void migrate() {
    database = new ContractTestDatabase();
  }

  @AfterAll
  static void drop() throws Exception {
    database.close();
  }

  @Test
  void theMigrationSeedsThePublishedRates() {
    InterestRateTable table = new JdbcInterestRates(database.dataSource()).table();

    assertThat(table.rates()).usingElementComparator((a, b) -> a.validFrom().equals(b.validFrom())
        && a.annualPercent().compareTo(b.annualPercent()) == 0 && a.notice().equals(b.notice()) ? 0 : 1)
        .containsExactlyElementsOf(InMemoryInterestRates.published());
    assertThat(table.rateOn(LocalDate.of(2017, 3, 31)).orElseThrow().annualPercent()).isEqualByComparingTo("3.0");
    assertThat(table.rateOn(LocalDate.of(2017, 4, 1)).orElseThrow().annualPercent()).isEqualByComparingTo("2.7");
    assertThat(table.rateOn(LocalDate.of(2020, 4, 1)).orElseThrow().annualPercent()).isEqualByComparingTo("2.6");
  }

  /**
   * shared/domain/contract-payment.md, "Late-payment interest (8条)": "3.0% until 2017-03-31, 2.7% from 2017-04-01,
   * 2.6% from 2020-04-01". The seed (V55, corrected by V67) holds exactly those three rates, and no other notice: V55's
   * 2.5 % from 2021-04-01 is not in the domain file and is gone, so 2.6 % applies after 2021-04-01 too.
   */
  @Test
  void theSeedIsTheDomainFilesRateTable() {
    InterestRateTable table = new JdbcInterestRates(database.dataSource()).table();

    // (the other test here adds a notice of 2030)
    assertThat(table.rates().stream().filter(r -> r.validFrom().getYear() < 2030)).extracting(r -> r.validFrom()
        + "@" + r.annualPercent().stripTrailingZeros().toPlainString()).containsExactly("2012-04-01@3", "2017-04-01@2.7", "2020-04-01@2.6");
    assertThat(table.rateOn(LocalDate.of(2016, 4, 1)).orElseThrow().annualPercent()).isEqualByComparingTo("3.0");
    assertThat(table.rateOn(LocalDate.of(2020, 3, 31)).orElseThrow().annualPercent()).isEqualByComparingTo("2.7");
    assertThat(table.rateOn(LocalDate.of(2021, 4, 1)).orElseThrow().annualPercent()).isEqualByComparingTo("2.6");
    assertThat(table.rateOn(LocalDate.of(2026, 12, 1)).orElseThrow().annualPercent()).isEqualByComparingTo("2.6");
    assertThat(table.rates()).noneMatch(r -> r.annualPercent().compareTo(new BigDecimal("2.5")) == 0);
  }

  @Test
  void aNewNoticeIsAddedAndACorrectionReplacesItsRow() {
    JdbcInterestRates rates = new JdbcInterestRates(database.dataSource());
    LocalDate day = LocalDate.of(2030, 4, 1);

    rates.put(new InterestRate(day, new BigDecimal("2.9"), "テスト告示"));
    rates.put(new InterestRate(day, new BigDecimal("2.8"), "テスト告示（訂正）"));

    InterestRate stored = rates.table().rateOn(day).orElseThrow();
    assertThat(stored.annualPercent()).isEqualByComparingTo("2.8");
    assertThat(stored.notice()).isEqualTo("テスト告示（訂正）");
    assertThat(rates.table().rateOn(day.minusDays(1)).orElseThrow().annualPercent()).isEqualByComparingTo("2.6");
    // the JDBC table drives the calculation like the in-memory one: 10 days at 2.6 %, 10 at 2.8 %
    LateInterest.Calculation c = new LateInterest(rates, LateInterest.RateBasis.DAY_OF_DELAY).compute(
        jp.tetsuzuki.processes.contract.Contracts.exampleGoods(), 1_000_000L, day.minusDays(11), day.plusDays(9));
    assertThat(c.exactYen()).isEqualTo(1_479L); // 1e6 × 54 / 36,500 = 1,479.45
  }
}
