package jp.tetsuzuki.workers.rpa;

import java.time.Instant;

/**
 * One step of the bot on a legacy screen. {@code screen} is the screen's title as the legacy system shows it; action
 * and outcome never carry personal data (field names, not values; the case and record numbers only).
 */
public record AuditStep(Instant at, String screen, String action, String outcome) {}
