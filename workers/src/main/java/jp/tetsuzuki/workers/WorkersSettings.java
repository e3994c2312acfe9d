package jp.tetsuzuki.workers;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the workers find the platform and keep their own state ({@code tetsuzuki.workers.*}); the same keys for the
 * worker application and the platform's in-JVM workers.
 *
 * @param enabled run the workers in this JVM
 * @param platformUrl the platform the workers serve, e.g. {@code https://tetsuzuki.example.lg.jp} (no trailing
 *     slash): the external-task client polls {@code <platformUrl>/engine-rest}, documents come from
 *     {@code <platformUrl>/api/worker/documents/…}
 * @param maxDocumentSize the largest document a worker reads (the platform refuses larger ones too)
 * @param requestTimeout per call to the platform's document endpoint
 * @param notificationLog the database of the mail log (exactly once per case event), shared by every worker process
 */
@ConfigurationProperties("tetsuzuki.workers")
public record WorkersSettings(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("") String platformUrl,
    @DefaultValue("20MB") DataSize maxDocumentSize,
    @DefaultValue("60s") Duration requestTimeout,
    @DefaultValue Database notificationLog) {

  /**
   * A JDBC database of the workers.
   *
   * @param url PostgreSQL in production; the default is an H2 file that several processes of one host share
   */
  public record Database(@DefaultValue("") String url, @DefaultValue("") String username,
      @DefaultValue("") String password, @DefaultValue("4") int poolSize) {

    @Override
    public String toString() {
      return "Database[url=" + url + ", username=" + username + ", password=****, poolSize=" + poolSize + "]";
    }
  }

  /** The platform's address, checked: an absolute http(s) URL. */
  public URI platform() {
    if (platformUrl == null || platformUrl.isBlank()) {
      throw new IllegalStateException("tetsuzuki.workers.platform-url (TETSUZUKI_PLATFORM_URL) must be set: the "
          + "address of the platform the workers serve, e.g. https://tetsuzuki.example.lg.jp");
    }
    URI uri = URI.create(platformUrl.strip().replaceAll("/+$", ""));
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalStateException("tetsuzuki.workers.platform-url must be an http(s) URL, not " + platformUrl);
    }
    return uri;
  }
}
