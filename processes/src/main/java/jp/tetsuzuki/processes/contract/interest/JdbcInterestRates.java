package jp.tetsuzuki.processes.contract.interest;

import java.sql.Date;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@link InterestRates} in {@code tz_late_interest_rate} (V55). The table is a handful of rows: read whole on every
 * {@link #table()}, so an edit applies at once on every node. Writes join the caller's transaction.
 */
public class JdbcInterestRates implements InterestRates {

  private final NamedParameterJdbcTemplate jdbc;

  public JdbcInterestRates(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  @Override
  public InterestRateTable table() {
    List<InterestRate> rows = jdbc.query(
        "SELECT valid_from, annual_rate_percent, notice FROM tz_late_interest_rate ORDER BY valid_from",
        (rs, row) -> new InterestRate(rs.getDate("valid_from").toLocalDate(),
            rs.getBigDecimal("annual_rate_percent"), rs.getString("notice")));
    return new InterestRateTable(rows);
  }

  @Override
  public void put(InterestRate rate) {
    if (rate == null) {
      throw new IllegalArgumentException("rate must not be null");
    }
    MapSqlParameterSource params = new MapSqlParameterSource().addValue("from", Date.valueOf(rate.validFrom()))
        .addValue("rate", rate.annualPercent()).addValue("notice", rate.notice());
    int updated = jdbc.update("UPDATE tz_late_interest_rate SET annual_rate_percent = :rate, notice = :notice "
        + "WHERE valid_from = :from", params);
    if (updated == 0) {
      jdbc.update("INSERT INTO tz_late_interest_rate (valid_from, annual_rate_percent, notice) "
          + "VALUES (:from, :rate, :notice)", params);
    }
  }
}
