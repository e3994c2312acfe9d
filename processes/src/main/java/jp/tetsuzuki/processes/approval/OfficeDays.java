package jp.tetsuzuki.processes.approval;

import java.time.LocalDate;

/**
 * Which days a tenant's offices are open (開庁日). Approval deadlines count only open days. The office calendar of
 * {@code jp.tetsuzuki.processes.calendar} implements the full rules (national holidays, 振替休日, tenants' own closed
 * days); {@link CalendarOfficeDays} adapts it, per tenant.
 */
public interface OfficeDays {

  boolean isOpen(String tenantId, LocalDate day);
}
