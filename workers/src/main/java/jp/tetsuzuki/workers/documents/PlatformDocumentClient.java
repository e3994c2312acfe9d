package jp.tetsuzuki.workers.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The workers' {@link DocumentSource}: reads a document from the platform's worker endpoint
 * {@code GET <platform>/api/worker/documents/{id}?workerId=…} as the workers' account. The platform hands out only
 * documents of an external task that this worker (its worker id) holds locked right now; anything else is "not
 * found". At most {@code maxBytes} are read, and the content must match the SHA-256 the platform sends.
 */
public class PlatformDocumentClient implements DocumentSource {

  /** The path of the endpoint below the platform's address. */
  public static final String PATH = "/api/worker/documents/";
  /** Response headers: the stored media type and the SHA-256 (hex) of the content. */
  public static final String MEDIA_TYPE_HEADER = "X-Document-Media-Type";
  public static final String SHA256_HEADER = "X-Document-Sha256";

  private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

  private final URI platform;
  private final String authorization;
  private final Supplier<String> workerId;
  private final long maxBytes;
  private final Duration timeout;
  private final HttpClient http;

  /**
   * @param platform the platform's address (no trailing slash)
   * @param workerId the worker id this process fetches and locks tasks with
   */
  public PlatformDocumentClient(URI platform, String user, String password, Supplier<String> workerId, long maxBytes,
      Duration timeout) {
    this.platform = platform;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    this.workerId = workerId;
    this.maxBytes = maxBytes;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public Optional<StoredDocument> open(String documentId) throws IOException {
    if (documentId == null || !DOCUMENT_ID.matcher(documentId).matches()) {
      // not an id the store hands out: nothing to ask the platform for
      return Optional.empty();
    }
    String worker = workerId.get();
    HttpRequest request = HttpRequest.newBuilder(platform.resolve(PATH + documentId + "?workerId="
            + URLEncoder.encode(worker, StandardCharsets.UTF_8)))
        .timeout(timeout).header("Authorization", authorization)
        .header("Accept", "application/octet-stream, application/problem+json").GET().build();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading document " + documentId, e);
    }
    try (InputStream body = response.body()) {
      switch (response.statusCode()) {
        case 200 -> {
          return Optional.of(document(documentId, response, body));
        }
        case 404 -> {
          return Optional.empty();
        }
        case 401 -> throw new IOException("the platform refused the workers' login (401): check "
            + "TETSUZUKI_WORKER_USER / TETSUZUKI_WORKER_PASSWORD");
        case 403 -> throw new IOException("the platform refused the document endpoint to this account (403): it "
            + "must be a member of group workers");
        case 413 -> throw new IOException("document " + documentId + " is larger than the platform hands to workers");
        default -> throw new IOException("the platform answered " + response.statusCode() + " for document "
            + documentId);
      }
    }
  }

  private StoredDocument document(String documentId, HttpResponse<InputStream> response, InputStream body)
      throws IOException {
    OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      throw new IOException("document " + documentId + " has " + declared.getAsLong() + " bytes, more than the "
          + maxBytes + " a worker reads");
    }
    byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (content.length > maxBytes) {
      throw new IOException("document " + documentId + " is larger than the " + maxBytes + " bytes a worker reads");
    }
    String expected = response.headers().firstValue(SHA256_HEADER).orElse(null);
    if (expected == null || !expected.equalsIgnoreCase(sha256(content))) {
      throw new IOException("document " + documentId + " arrived incomplete or altered (SHA-256 differs)");
    }
    return new StoredDocument(documentId, response.headers().firstValue(MEDIA_TYPE_HEADER)
        .orElse("application/octet-stream"), content.length, new ByteArrayInputStream(content));
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
