package jp.tetsuzuki.processes.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.integrations.registry.InvoiceRegistrationResult;
import jp.tetsuzuki.integrations.registry.RegistryClient;
import jp.tetsuzuki.integrations.registry.RegistryUnavailableException;
import jp.tetsuzuki.integrations.registry.demo.RegistrySimulator;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The operations view as an administrator uses it: Prometheus metrics per route, the routes of the platform
 * (case-file intake and the registries, and whatever route exists, without a list to keep), a registry outage seen as
 * a dead letter with its reason, and the page in Japanese; bad parameters are 400 naming the field.
 */
@PlatformTest
class OperationsHttpTest {

  @Value("${server.port}")
  int port;
  @Autowired
  RegistryClient registries;
  @Autowired
  RegistrySimulator simulator;
  @Value("${tetsuzuki.integrations.inbox}")
  Path inbox;

  @Test
  void prometheusShowsMessageCountersPerRoute() {
    Http.Response metrics = Http.as("admin", port).get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("camel_exchanges_total").contains("routeId=\"case-file-intake\"")
        .contains("routeId=\"corporate-number-lookup\"").contains("routeId=\"invoice-registration-lookup\"")
        .doesNotContain("demo-application-id");
  }

  @Test
  void theDemoRegistryAnswersThroughTheRoutes() {
    String number = "T" + RegistrySimulator.number("700110005901");
    assertThat(registries.invoiceRegistration(number)).isInstanceOfSatisfying(InvoiceRegistrationResult.Found.class,
        found -> assertThat(found.registration().name()).isEqualTo("デモ建設株式会社"));
  }

  @Test
  void anOutageIsAVisibleDeadLetterInTheOperationsView() {
    String number = "T" + RegistrySimulator.number("700110005981");
    simulator.down(true);
    try {
      assertThatThrownBy(() -> registries.invoiceRegistration(number)).isInstanceOf(RegistryUnavailableException.class);
    } finally {
      simulator.down(false);
    }
    Http admin = Http.as("admin", port);

    Http.Response routes = admin.get("/api/v1/operations/routes");
    assertThat(routes.status()).as(routes.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode route : routes.json().get("routes")) {
      ids.add(route.get("routeId").asText());
      if (route.get("routeId").asText().equals("invoice-registration-lookup")) {
        assertThat(route.get("status").asText()).isEqualTo("Started");
        assertThat(route.get("messagesFailed").asLong()).isPositive();
        assertThat(route.get("lastFailure").asText()).contains("HTTP 503");
        assertThat(route.get("deadLetters").asInt()).isPositive();
      }
    }
    assertThat(ids).contains("case-file-intake", "corporate-number-lookup", "invoice-registration-lookup");

    Http.Response letters = admin.get("/api/v1/operations/dead-letters?routeId=invoice-registration-lookup&limit=10");
    assertThat(letters.status()).as(letters.body()).isEqualTo(200);
    assertThat(letters.json().get("deadLetters").get(0).get("payloadRef").asText()).isEqualTo(number);
    assertThat(letters.json().get("deadLetters").get(0).get("reason").asText()).contains("HTTP 503");

    Http.Response page = admin.get("/api/v1/operations");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body()).contains("連携ルートの運用状況", "invoice-registration-lookup", "稼働中", number);
  }

  @Test
  void aRejectedCaseFileIsADeadLetterOfTheCaseFileIntake() throws Exception {
    String name = "ops-" + UUID.randomUUID() + ".json";
    Path cases = Files.createDirectories(inbox.resolve("cases"));
    Files.writeString(cases.resolve(name + ".tmp"), "{not json", StandardCharsets.UTF_8);
    Files.move(cases.resolve(name + ".tmp"), cases.resolve(name));
    Http admin = Http.as("admin", port);

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Http.Response letters = admin.get("/api/v1/operations/dead-letters?routeId=case-file-intake&limit=20");
      assertThat(letters.status()).isEqualTo(200);
      List<String> refs = new ArrayList<>();
      letters.json().get("deadLetters").forEach(letter -> refs.add(letter.get("payloadRef").asText()));
      assertThat(refs).contains(name);
    });
  }

  @Test
  void badParametersAreRefusedNamingTheField() {
    Http admin = Http.as("admin", port);

    Http.Response limit = admin.get("/api/v1/operations/dead-letters?limit=100000");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.body()).contains("limit");
    Http.Response route = admin.get("/api/v1/operations/dead-letters?routeId=%3Cscript%3E");
    assertThat(route.status()).isEqualTo(400);
    assertThat(route.body()).contains("routeId");
  }
}
