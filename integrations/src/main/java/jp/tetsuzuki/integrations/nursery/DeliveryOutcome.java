package jp.tetsuzuki.integrations.nursery;

import java.time.Duration;

/**
 * What an answer of a nursery system means for an outbox message (plain rules, tested without Camel): 2xx accepted
 * (also the answer to a replayed Idempotency-Key); 5xx, 408, 429 and no answer at all are technical and retried with
 * a doubling delay until the attempts are used up; any other status is the system refusing the message, which a
 * retry cannot change.
 */
public enum DeliveryOutcome {
  DELIVERED, RETRY, GIVE_UP;

  /** @param status the HTTP status, or null when no answer came */
  public static DeliveryOutcome of(Integer status, int attemptsBefore, int maxAttempts) {
    if (status != null && status >= 200 && status < 300) {
      return DELIVERED;
    }
    boolean technical = status == null || status >= 500 || status == 408 || status == 429;
    if (!technical) {
      return GIVE_UP;
    }
    return attemptsBefore + 1 >= maxAttempts ? GIVE_UP : RETRY;
  }

  /** Delay before the next attempt after {@code attemptsBefore + 1} failed ones. */
  public static Duration delayAfter(int attemptsBefore, Duration first, Duration max) {
    long millis = first.toMillis();
    for (int i = 0; i < attemptsBefore && millis < max.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, max.toMillis()));
  }
}
