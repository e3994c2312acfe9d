package jp.tetsuzuki.processes.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Admin webapp creates users through the webapps' engine API ({@code /camunda/api/engine}): a password against
 * the policy is a 400 there as well, not a 500 (issue 8, item 9).
 */
@PlatformTest
class WebappEngineApiErrorsHttpTest {

  @LocalServerPort int port;

  @Test
  void aWeakPasswordEnteredInTheAdminWebappIsABadRequest() throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    String base = "http://localhost:" + port + "/camunda";
    browser.send(HttpRequest.newBuilder(URI.create(base + "/app/admin/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base
            + "/api/admin/auth/user/default/login/admin"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf(cookies))
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + Http.DEMO_PASSWORD)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    // the session's token after login, as the Admin webapp reads it from its next GET
    HttpResponse<Void> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine/"))
        .GET().build(), HttpResponse.BodyHandlers.discarding());
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> csrf(cookies));

    String user = "weak-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created = browser.send(HttpRequest.newBuilder(URI.create(base
            + "/api/engine/engine/default/user/create"))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"profile\":{\"id\":\"" + user + "\",\"firstName\":\"弱\","
            + "\"lastName\":\"パスワード\",\"email\":\"weak@example.invalid\"},\"credentials\":{\"password\":\"x\"}}",
            StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
    JsonNode body = new ObjectMapper().readTree(created.body());
    assertThat(body.get("message").asText()).isEqualTo("Password does not match policy");
    assertThat(created.body()).doesNotContain("org.");
  }

  private static String csrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last).orElse("");
  }
}
