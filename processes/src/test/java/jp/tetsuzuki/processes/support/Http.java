package jp.tetsuzuki.processes.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain HTTP client for platform tests: requests as an outside system or a staff member would send them. */
public final class Http {

  public static final String DEMO_PASSWORD = "Tetsuzuki-demo-1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  private final String base;
  private final String user;
  private final String password;
  private final Map<String, String> headers = new LinkedHashMap<>();

  private Http(String base, String user, String password) {
    this.base = base;
    this.user = user;
    this.password = password;
  }

  public static Http anonymous(int port) {
    return new Http("http://localhost:" + port, null, null);
  }

  public static Http as(String user, int port) {
    return new Http("http://localhost:" + port, user, DEMO_PASSWORD);
  }

  public static Http as(String user, String password, int port) {
    return new Http("http://localhost:" + port, user, password);
  }

  /** The account this client sends, or {@code null} when anonymous. */
  public String user() {
    return user;
  }

  public Http header(String name, String value) {
    Http copy = new Http(base, user, password);
    copy.headers.putAll(headers);
    copy.headers.put(name, value);
    return copy;
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response postJson(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
  }

  public Response putJson(String path, Object body) {
    return send(builder(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8)));
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  public Response post(String path, String contentType, byte[] body) {
    return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public HttpRequest.Builder builder(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.header("Authorization", "Basic " + token);
    }
    headers.forEach(builder::header);
    return builder;
  }

  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    if (body instanceof String s) {
      return s;
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response with its body as text or JSON. */
  public record Response(HttpResponse<byte[]> raw) {
    public int status() {
      return raw.statusCode();
    }

    public String body() {
      return new String(raw.body(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status() + "): " + body(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status() + " " + body();
    }
  }
}
