package jp.tetsuzuki.processes.reference;

import java.util.List;
import jp.tetsuzuki.processes.calendar.ClosedDay;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The office calendar of a tenant: statutory closed days plus the tenant's own from {@code tz_closed_day}. Read on
 * each call (a handful of rows per tenant), so a new closed day counts at once on every node.
 */
public class TenantCalendars {

  private final JdbcTemplate jdbc;

  public TenantCalendars(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public OfficeCalendar of(String tenantId) {
    List<ClosedDay> own = jdbc.query("SELECT closed_on, reason FROM tz_closed_day WHERE tenant_id = ?",
        (rs, i) -> new ClosedDay(rs.getDate(1).toLocalDate(), rs.getString(2)), tenantId);
    return new OfficeCalendar(own);
  }
}
