package jp.tetsuzuki.processes.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import jp.tetsuzuki.workers.ocr.Recognition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Recognition runs in a bounded pool: an app that floods the recognition endpoint gets 503 with Retry-After instead of
 * taking every request thread, and a recognition that runs past its time limit is stopped. Latches, not sleeps.
 */
class RecognitionPoolTest {

  private static final StoredFile DOCUMENT = new StoredFile("doc-1", "demo-ku", "a.pdf", "application/pdf", 10,
      "00", "api-client", Instant.EPOCH);

  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch stoppedAtPage2 = new CountDownLatch(1);
  private final AtomicReference<Throwable> afterRelease = new AtomicReference<>();
  private RecognitionPool pool;

  @AfterEach
  void stop() {
    release.countDown();
    pool.close();
  }

  /** A recognizer that holds its OCR thread until released, then asks to go on to page 2. */
  private MockMvc platform(int threads, int queue, Duration timeout) {
    pool = new RecognitionPool(new RecognitionProperties(threads, queue, timeout, Duration.ofSeconds(7)));
    DocumentRecognitionController controller = new DocumentRecognitionController(
        (caller, id) -> Optional.of(DOCUMENT), (id, form, progress) -> {
          progress.beforePage(1);
          started.countDown();
          awaitIgnoringInterrupts(release); // like Tesseract's native code, which does not stop when interrupted
          try {
            progress.beforePage(2);
          } catch (RuntimeException stopped) {
            afterRelease.set(stopped);
            stoppedAtPage2.countDown();
            throw stopped;
          }
          return new Recognition(Map.of("total", new Recognition.Field("11000", 0.95)));
        }, pool);
    return MockMvcBuilders.standaloneSetup(controller).build();
  }

  private static MockHttpServletResponse recognize(MockMvc mvc) {
    try {
      return mvc.perform(post("/api/v1/documents/doc-1/recognition").param("form", "invoice")
          .principal(() -> "api-client")).andReturn().getResponse();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSecondRecognitionWhileThePoolIsFullIsRefusedWithRetryAfter() throws Exception {
    MockMvc mvc = platform(1, 0, Duration.ofMinutes(5));
    CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() -> recognize(mvc));
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    MockHttpServletResponse refused = recognize(mvc);
    assertThat(refused.getStatus()).as(refused.getContentAsString()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("7");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("\"reason\":\"busy\"").contains("recognition is busy")
        .contains("retry after 7 s").doesNotContain("Exception");

    release.countDown();
    MockHttpServletResponse done = first.get(30, TimeUnit.SECONDS);
    assertThat(done.getStatus()).as(done.getContentAsString()).isEqualTo(200);
    assertThat(done.getContentAsString()).contains("11000");
    // the thread is free again
    assertThat(recognize(mvc).getStatus()).isEqualTo(200);
  }

  @Test
  void aRecognitionPastItsTimeLimitIsAnsweredAndStoppedAtTheNextPage() throws Exception {
    MockMvc mvc = platform(1, 0, Duration.ofMillis(200));
    MockHttpServletResponse late = recognize(mvc); // the recognizer holds until released: the limit always passes
    assertThat(late.getStatus()).as(late.getContentAsString()).isEqualTo(503);
    assertThat(late.getHeader("Retry-After")).isEqualTo("7");
    assertThat(late.getContentAsString()).contains("\"reason\":\"timeout\"")
        .contains("longer than the limit of 1 s");

    release.countDown();
    assertThat(stoppedAtPage2.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(afterRelease.get()).hasMessageContaining("time limit");
  }

  private static void awaitIgnoringInterrupts(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
