package jp.tetsuzuki.workers.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The workers' side of the document endpoint, against a stand-in platform on loopback. */
class PlatformDocumentClientTest {

  private static final byte[] PDF = "%PDF-1.7 worker test".getBytes(StandardCharsets.US_ASCII);

  private HttpServer platform;
  private final List<String> requests = new ArrayList<>();
  private volatile int status = 200;
  private volatile byte[] body = PDF;
  private volatile String sha256;

  @BeforeEach
  void platform() throws Exception {
    sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
    platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    platform.createContext("/api/worker/documents/", exchange -> {
      requests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getResponseHeaders().add(PlatformDocumentClient.MEDIA_TYPE_HEADER, "application/pdf");
      exchange.getResponseHeaders().add(PlatformDocumentClient.SHA256_HEADER, sha256);
      exchange.sendResponseHeaders(status, status == 200 ? body.length : -1);
      if (status == 200) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
      exchange.close();
    });
    platform.start();
  }

  @AfterEach
  void stop() {
    platform.stop(0);
  }

  private PlatformDocumentClient client(long maxBytes) {
    return new PlatformDocumentClient(URI.create("http://127.0.0.1:" + platform.getAddress().getPort()), "worker",
        "Secret-pass-1", () -> "worker-7", maxBytes, Duration.ofSeconds(5));
  }

  @Test
  void readsTheDocumentAsTheWorkersAccountUnderItsWorkerId() throws IOException {
    try (StoredDocument document = client(1024).open("doc-1").orElseThrow()) {
      assertThat(document.content().readAllBytes()).isEqualTo(PDF);
      assertThat(document.mediaType()).isEqualTo("application/pdf");
      assertThat(document.size()).isEqualTo(PDF.length);
    }
    assertThat(requests).containsExactly("/api/worker/documents/doc-1?workerId=worker-7 Basic "
        + Base64.getEncoder().encodeToString("worker:Secret-pass-1".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDocumentThePlatformDoesNotHandOutIsNotFound() throws IOException {
    status = 404;
    assertThat(client(1024).open("doc-1")).isEmpty();
  }

  @Test
  void anIdThatIsNoStoreIdIsNeverSentToThePlatform() throws IOException {
    assertThat(client(1024).open("../../engine-rest/user")).isEmpty();
    assertThat(client(1024).open(null)).isEmpty();
    assertThat(requests).isEmpty();
  }

  @Test
  void moreThanTheLimitIsNotRead() {
    assertThatThrownBy(() -> client(PDF.length - 1).open("doc-1")).isInstanceOf(IOException.class)
        .hasMessageContaining("bytes");
  }

  @Test
  void contentThatDoesNotMatchItsHashIsRefused() {
    body = "%PDF-1.7 altered on the way".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> client(1024).open("doc-1")).isInstanceOf(IOException.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void aRefusedRoleIsATechnicalFaultThatSaysWhatToCheck() {
    status = 403;
    assertThatThrownBy(() -> client(1024).open("doc-1")).isInstanceOf(IOException.class)
        .hasMessageContaining("group workers");
    status = 401;
    assertThatThrownBy(() -> client(1024).open("doc-1")).isInstanceOf(IOException.class)
        .hasMessageContaining("TETSUZUKI_WORKER_PASSWORD");
  }
}
