package jp.tetsuzuki.processes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser-like session of the Camunda webapps: Camunda's own login (session cookie) and its CSRF token, so that
 * tests call the webapps' engine API ({@code /camunda/api/engine/engine/default/…}) as the Tasklist does.
 */
public final class WebappSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Logs in to the given app ({@code tasklist}, {@code cockpit}, {@code welcome}); fails unless the login works. */
  public static WebappSession login(int port, String user, String password, String app) {
    WebappSession session = new WebappSession(port);
    int status = session.tryLogin(user, password, app);
    if (status != 200) {
      throw new IllegalStateException("login of " + user + " to " + app + ": " + status);
    }
    return session;
  }

  /** The status of a login attempt to the given app (200 when it worked). */
  public static int loginStatus(int port, String user, String password, String app) {
    return new WebappSession(port).tryLogin(user, password, app);
  }

  private int tryLogin(String user, String password, String app) {
    WebappSession session = this;
    session.send(HttpRequest.newBuilder(URI.create(session.base + "/camunda/app/" + app + "/default/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Http.Response response = session.send(session.request("/camunda/api/admin/auth/user/default/login/" + app)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    return response.status();
  }

  public Http.Response get(String path) {
    return send(request(path).GET());
  }

  public Http.Response postJson(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if (cookie.getName().equals("XSRF-TOKEN")) {
        builder.header("X-XSRF-TOKEN", cookie.getValue());
      }
    }
    return builder;
  }

  private Http.Response send(HttpRequest.Builder builder) {
    try {
      return new Http.Response(client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
