package jp.tetsuzuki.workers.notification;

import java.time.Duration;
import java.time.Instant;

/**
 * Which notifications were sent, by dedup key (process instance, event, occurrence). A sender claims the key before
 * sending and marks it sent after; the claim is a lease, so a crash between the two leaves the key "in doubt" only
 * until the lease ends. Shared by every worker process (the workers' own database, {@link NotificationLogDatabase}).
 */
public interface NotificationLog {

  enum Claim {
    /** Never sent: send now. */
    SEND,
    /** A previous delivery claimed it and vanished before marking it sent (crash): send again, same Message-ID. */
    SEND_IN_DOUBT,
    /** Sent already: send nothing. */
    ALREADY_SENT,
    /** Another delivery is sending it right now: try later. */
    IN_PROGRESS
  }

  /** Claims the key for {@code lease} from {@code now}. */
  Claim claim(String key, Instant now, Duration lease);

  /** Records the mail as sent: every later claim answers {@link Claim#ALREADY_SENT}. */
  void markSent(String key, String messageId, Instant now);

  /** Gives the claim back after a failed send, so the retry sends. */
  void release(String key);
}
