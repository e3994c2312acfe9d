package jp.tetsuzuki.processes.document;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jp.tetsuzuki.workers.ocr.OcrPipeline;

/**
 * A fixed number of OCR threads with a short queue. A request that finds both full is refused at once
 * ({@link Busy}); one that takes longer than the time limit is stopped ({@link TimedOut}) at the next page.
 */
public class RecognitionPool implements AutoCloseable {

  /** The work: reads a document, calling the progress before each page. */
  public interface Job<T> {
    T run(OcrPipeline.Progress progress) throws Exception;
  }

  /** Every thread busy and the queue full. */
  public static final class Busy extends RuntimeException {
    Busy(String message) {
      super(message);
    }
  }

  /** The time limit passed; the job was stopped. */
  public static final class TimedOut extends RuntimeException {
    TimedOut(String message) {
      super(message);
    }
  }

  private final ThreadPoolExecutor executor;
  private final RecognitionProperties limits;

  public RecognitionPool(RecognitionProperties limits) {
    this.limits = limits;
    BlockingQueue<Runnable> queue = limits.queue() == 0 ? new SynchronousQueue<>()
        : new ArrayBlockingQueue<>(limits.queue());
    AtomicInteger number = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS, queue,
        r -> {
          Thread thread = new Thread(r, "recognition-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
  }

  public RecognitionProperties limits() {
    return limits;
  }

  /**
   * Runs the job in the pool and waits for it within the time limit.
   *
   * @throws Busy no thread and no queue place is free
   * @throws TimedOut the limit passed
   * @throws Exception whatever the job threw
   */
  public <T> T run(Job<T> job) throws Exception {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    Future<T> future;
    try {
      future = executor.submit(() -> job.run(page -> {
        if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadline > 0) {
          throw new CancellationException("recognition stopped at page " + page + ": time limit passed");
        }
      }));
    } catch (RejectedExecutionException e) {
      throw new Busy("all " + limits.threads() + " recognition threads and the queue of " + limits.queue()
          + " are in use");
    }
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new TimedOut("recognition took longer than the limit of " + seconds(limits.timeout()) + " s");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof CancellationException) {
        throw new TimedOut("recognition took longer than the limit of " + seconds(limits.timeout()) + " s");
      }
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
