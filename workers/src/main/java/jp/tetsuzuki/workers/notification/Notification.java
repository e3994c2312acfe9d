package jp.tetsuzuki.workers.notification;

import java.util.Map;

/**
 * One mail to an applicant for one case event.
 *
 * @param key dedup key, see {@link #keyOf}
 * @param values the process variables the template may use
 */
public record Notification(String key, String recipient, String event, Map<String, ?> values) {

  /** Once per process instance, event and (optional) occurrence, e.g. {@code 8f3…:correction-requested:2}. */
  public static String keyOf(String processInstanceId, String event, Object occurrence) {
    String key = processInstanceId + ":" + event + (occurrence == null ? "" : ":" + occurrence);
    if (key.length() > 200) {
      throw new IllegalArgumentException("notification key longer than 200 characters: " + key);
    }
    return key;
  }
}
