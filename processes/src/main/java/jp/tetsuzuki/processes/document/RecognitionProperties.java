package jp.tetsuzuki.processes.document;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of synchronous recognition ({@code POST /api/v1/documents/{id}/recognition}): OCR runs in a bounded pool,
 * never on the request threads.
 *
 * @param threads OCR threads (0 or unset = one per core; Tesseract is fastest with one thread per core)
 * @param queue requests that may wait for a thread; beyond it the answer is 503 with Retry-After
 * @param timeout the longest one recognition may take, waiting included; it is then stopped
 * @param retryAfter what the busy answer's Retry-After header says
 */
@ConfigurationProperties("tetsuzuki.recognition")
public record RecognitionProperties(Integer threads, Integer queue, Duration timeout, Duration retryAfter) {

  public RecognitionProperties {
    threads = threads == null || threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    queue = queue == null || queue < 0 ? 2 : queue;
    timeout = timeout == null || timeout.isNegative() || timeout.isZero() ? Duration.ofSeconds(60) : timeout;
    retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ofSeconds(30) : retryAfter;
  }
}
