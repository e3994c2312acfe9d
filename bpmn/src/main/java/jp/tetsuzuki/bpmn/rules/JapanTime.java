package jp.tetsuzuki.bpmn.rules;

import java.time.ZoneId;

/**
 * The platform's zone: due dates, office days and dates shown to people are dates in Tokyo; instants are stored in
 * UTC (shared/domain/calendar-and-identifiers.md). The one place that names the zone.
 */
public final class JapanTime {

  /** {@code Asia/Tokyo} (JST, UTC+9, no daylight saving). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  private JapanTime() {}
}
