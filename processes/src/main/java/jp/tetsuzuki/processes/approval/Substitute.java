package jp.tetsuzuki.processes.approval;

import java.time.Instant;
import java.time.LocalDate;

/** 代理: {@code substitute} may act for {@code principal} from {@code validFrom} to {@code validTo} (inclusive). */
public record Substitute(String id, String tenantId, String principal, String substitute, LocalDate validFrom,
    LocalDate validTo, String createdBy, Instant createdAt) {

  public boolean coversDay(LocalDate day) {
    return !day.isBefore(validFrom) && !day.isAfter(validTo);
  }
}
