package jp.tetsuzuki.workers.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.camunda.bpm.client.task.ExternalTask;

/** Retry bookkeeping for technical failures: a task gets {@link #INITIAL} tries, then becomes an incident. */
public final class Retries {

  public static final int INITIAL = 3;

  private Retries() {}

  /** Retries left after this failure ({@code null} on the first failure means the task never failed before). */
  public static int remainingAfterFailure(ExternalTask task) {
    Integer retries = task.getRetries();
    return Math.max(0, (retries == null ? INITIAL : retries) - 1);
  }

  /** Back-off before the next try: 10 s, 60 s, 5 min. */
  public static long backoffMillis(ExternalTask task) {
    int left = remainingAfterFailure(task);
    return switch (left) {
      case 2 -> 10_000L;
      case 1 -> 60_000L;
      default -> 300_000L;
    };
  }

  public static String stackTraceOf(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
