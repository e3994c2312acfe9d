package jp.tetsuzuki.processes.contract.interest;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the dated rate table of late-payment interest (政府契約の支払遅延に対する遅延利息の率, set by the Minister of
 * Finance's public notice under 政府契約の支払遅延防止等に関する法律 8条): valid from a day until the next row's day.
 *
 * @param validFrom     the first day the rate applies
 * @param annualPercent the annual rate in percent (2.5 for 年2.5%), 0..100, at most 3 decimals
 * @param notice        where the rate comes from (the 告示), for the people who edit the table
 */
public record InterestRate(LocalDate validFrom, BigDecimal annualPercent, String notice) {

  /**
   * @throws IllegalArgumentException naming the field that is missing or out of range
   */
  public InterestRate {
    if (validFrom == null) {
      throw new IllegalArgumentException("validFrom must not be null");
    }
    if (annualPercent == null || annualPercent.signum() < 0 || annualPercent.compareTo(BigDecimal.valueOf(100)) > 0
        || annualPercent.stripTrailingZeros().scale() > 3) {
      throw new IllegalArgumentException("annualPercent must be 0..100 with at most 3 decimals");
    }
    if (notice == null || notice.isBlank() || notice.length() > 200) {
      throw new IllegalArgumentException("notice must be 1..200 characters");
    }
  }
}
