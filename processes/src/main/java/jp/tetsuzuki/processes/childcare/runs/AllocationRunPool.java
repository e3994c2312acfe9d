package jp.tetsuzuki.processes.childcare.runs;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Allocation runs of this node, at most {@code concurrent-runs} at a time with {@code queued-runs} waiting, as
 * {@link jp.tetsuzuki.processes.document.RecognitionPool} bounds OCR (review C5: one 600 KB file kept a core busy for
 * 35 s and nothing limited how many ran). A run that finds every thread and the queue taken is refused at once
 * ({@link Busy}: 503 with Retry-After); a run once started is waited for (the engine has no point to stop at).
 */
@Component
class AllocationRunPool {

  /** Every run thread busy and the queue full. */
  static final class Busy extends RuntimeException {
    Busy(String message) {
      super(message);
    }
  }

  private final ThreadPoolExecutor executor;
  private final AllocationRunProperties limits;

  AllocationRunPool(AllocationRunProperties limits) {
    this.limits = limits;
    int threads = Math.max(1, limits.concurrentRuns());
    BlockingQueue<Runnable> queue = limits.queuedRuns() <= 0 ? new SynchronousQueue<>()
        : new ArrayBlockingQueue<>(limits.queuedRuns());
    AtomicInteger number = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue, r -> {
      Thread thread = new Thread(r, "allocation-run-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.AbortPolicy());
  }

  AllocationRunProperties limits() {
    return limits;
  }

  /**
   * Runs the job on a run thread and waits for it.
   *
   * @throws Busy no thread and no queue place is free
   */
  <T> T run(Callable<T> job) {
    Future<T> future;
    try {
      future = executor.submit(job);
    } catch (RejectedExecutionException e) {
      throw new Busy("all " + executor.getMaximumPoolSize() + " allocation-run threads and the queue of "
          + Math.max(0, limits.queuedRuns()) + " are in use");
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for an allocation run", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Runs running or waiting now. */
  int inUse() {
    return executor.getActiveCount() + executor.getQueue().size();
  }

  /** Whole seconds for Retry-After, at least one. */
  long retryAfterSeconds() {
    return Math.max(1, (limits.retryAfter().toMillis() + 999) / 1000);
  }

  @PreDestroy
  void close() {
    executor.shutdownNow();
  }
}
