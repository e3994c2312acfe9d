package jp.tetsuzuki.processes.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Outside systems find the public API documented (OpenAPI and a browsable UI), but not anonymously. */
@PlatformTest
class ApiDocsTest {

  @LocalServerPort int port;

  @Test
  void openApiDocumentListsThePublicApiOnly() {
    Http.Response response = Http.as("api-client", port).get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    JsonNode doc = response.json();
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    // newcomer review 2026-12-01: the document was springdoc's default 「OpenAPI definition」, version v0
    assertThat(doc.at("/info/title").asText()).startsWith("Tetsuzuki public API");
    assertThat(doc.at("/info/version").asText()).isEqualTo("v1");
    assertThat(doc.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    assertThat(doc.get("paths").fieldNames()).toIterable().isNotEmpty()
        .allSatisfy(path -> assertThat(path).startsWith("/api/"));
  }

  @Test
  void browsableUiIsServedToAuthenticatedUsers() {
    Http.Response redirect = Http.as("api-client", port).get("/swagger-ui.html");
    assertThat(redirect.status()).isIn(200, 302);
    assertThat(Http.as("api-client", port).get("/swagger-ui/index.html").body()).contains("swagger-ui");
    assertThat(Http.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(401);
  }
}
