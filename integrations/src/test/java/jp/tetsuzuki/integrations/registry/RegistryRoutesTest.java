package jp.tetsuzuki.integrations.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.tetsuzuki.integrations.IntegrationsAutoConfiguration;
import jp.tetsuzuki.integrations.operations.DeadLetter;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import jp.tetsuzuki.integrations.operations.OperationsConfiguration;
import jp.tetsuzuki.integrations.operations.RouteOperations;
import jp.tetsuzuki.integrations.registry.InvoiceRegistration.Standing;
import jp.tetsuzuki.integrations.registry.demo.RegistrySimulator;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The registry routes against the simulator of both registries, in the documented answer shapes: found, not found,
 * revoked and lapsed registrations, closed corporations; outages retried with backoff and then a visible error (a
 * dead letter, the route's failure counter and last failure, an exception to the caller, never "not found"); the
 * cache; and the registry's rate.
 */
@CamelSpringBootTest
@SpringBootTest(classes = RegistryRoutesTest.App.class, properties = {
    "tetsuzuki.integrations.registry.requests-per-second=2",
    "tetsuzuki.integrations.registry.retries=2",
    "tetsuzuki.integrations.registry.retry-delay=100ms",
    "tetsuzuki.integrations.registry.timeout=1s",
    "camel.main.name=registry-test"})
class RegistryRoutesTest {

  static final String APPLICATION_ID = "test-application-id";
  static final RegistrySimulator SIMULATOR = simulator();
  static final String ACTIVE = RegistrySimulator.number("700110005901");
  static final String CLOSED = RegistrySimulator.number("700110005902");
  static final String UNKNOWN = RegistrySimulator.number("123456789012");
  static final String LAPSED = RegistrySimulator.number("700110005903");

  private static RegistrySimulator simulator() {
    try {
      RegistrySimulator simulator = RegistrySimulator.withDemoData(APPLICATION_ID, 0);
      simulator.addRegistration(new InvoiceRegistration("T" + RegistrySimulator.number("700110005903"), "", "", "1", "03",
          LocalDate.of(2023, 10, 1), LocalDate.of(2025, 1, 1), null, LocalDate.of(2025, 1, 1)));
      return simulator;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration(exclude = IntegrationsAutoConfiguration.class)
  @EnableConfigurationProperties(RegistryProperties.class)
  @Import({RegistryConfiguration.class, RegistryRoutes.class, OperationsConfiguration.class})
  static class App {
    @Bean
    @Primary
    RegistryEndpoints simulatedEndpoints() {
      return new RegistryEndpoints(SIMULATOR.baseUrl(), SIMULATOR.baseUrl() + "/", APPLICATION_ID);
    }

    @Bean
    DataSource dataSource() throws Exception {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:registry-routes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      try (var connection = h2.getConnection()) {
        ScriptUtils.executeSqlScript(connection, new ClassPathResource("operations/dead-letter.sql"));
      }
      return h2;
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Autowired RegistryClient registries;
  @Autowired CamelContext camel;
  @Autowired DeadLetterStore deadLetters;
  @Autowired RouteOperations operations;
  @Autowired ProducerTemplate producer;
  @Autowired RegistryProperties properties;

  @BeforeEach
  void reset() {
    SIMULATOR.reset();
  }

  @AfterAll
  static void close() {
    SIMULATOR.close();
  }

  @Test
  void aCorporationIsFoundWithNameAddressAndDates() {
    CorporateNumberResult result = registries.corporateNumber(ACTIVE);

    assertThat(result).isInstanceOfSatisfying(CorporateNumberResult.Found.class, found -> {
      CorporateRecord c = found.corporation();
      assertThat(c.corporateNumber()).isEqualTo(ACTIVE);
      assertThat(c.name()).isEqualTo("デモ建設株式会社");
      assertThat(c.address()).isEqualTo("東京都デモ区本町１丁目２番３号");
      assertThat(c.assignmentDate()).isEqualTo(LocalDate.of(2015, 10, 5));
      assertThat(c.closeDate()).isNull();
      assertThat(c.closedOn(LocalDate.of(2026, 12, 1))).isFalse();
    });
    assertThat(SIMULATOR.requests()).hasSize(1);
  }

  @Test
  void aClosedCorporationIsFoundAsClosed() {
    CorporateNumberResult result = registries.corporateNumber(CLOSED);

    assertThat(result).isInstanceOfSatisfying(CorporateNumberResult.Found.class, found -> {
      assertThat(found.corporation().closeDate()).isEqualTo(LocalDate.of(2023, 3, 31));
      assertThat(found.corporation().closeCause()).isEqualTo("01");
      assertThat(found.corporation().closedOn(LocalDate.of(2023, 3, 31))).isTrue();
      assertThat(found.corporation().closedOn(LocalDate.of(2023, 3, 30))).isFalse();
    });
  }

  @Test
  void anUnknownNumberIsNotFoundInBothRegistries() {
    assertThat(registries.corporateNumber(UNKNOWN)).isEqualTo(new CorporateNumberResult.NotFound(UNKNOWN));
    assertThat(registries.invoiceRegistration("T" + UNKNOWN))
        .isEqualTo(new InvoiceRegistrationResult.NotFound("T" + UNKNOWN));
    assertThat(SIMULATOR.requests()).hasSize(2);
  }

  @Test
  void aValidRegistrationIsFoundWithItsRegistrationDate() {
    InvoiceRegistrationResult result = registries.invoiceRegistration("T" + ACTIVE);

    assertThat(result).isInstanceOfSatisfying(InvoiceRegistrationResult.Found.class, found -> {
      InvoiceRegistration r = found.registration();
      assertThat(r.name()).isEqualTo("デモ建設株式会社");
      assertThat(r.registrationDate()).isEqualTo(LocalDate.of(2023, 10, 1));
      assertThat(r.disposalDate()).isNull();
      assertThat(r.standingOn(LocalDate.of(2026, 11, 30))).isEqualTo(Standing.VALID);
      assertThat(r.standingOn(LocalDate.of(2023, 9, 30))).isEqualTo(Standing.NOT_YET_REGISTERED);
    });
  }

  @Test
  void aRevokedRegistrationIsFoundButNotValidFromItsRevocation() {
    InvoiceRegistrationResult result = registries.invoiceRegistration("T" + CLOSED);

    assertThat(result).isInstanceOfSatisfying(InvoiceRegistrationResult.Found.class, found -> {
      InvoiceRegistration r = found.registration();
      assertThat(r.process()).isEqualTo("04");
      assertThat(r.disposalDate()).isEqualTo(LocalDate.of(2024, 7, 1));
      assertThat(r.validOn(LocalDate.of(2024, 6, 30))).isTrue();
      assertThat(r.standingOn(LocalDate.of(2024, 7, 1))).isEqualTo(Standing.REVOKED);
    });
  }

  @Test
  void aLapsedRegistrationIsFoundAsExpired() {
    InvoiceRegistrationResult result = registries.invoiceRegistration("T" + LAPSED);

    assertThat(result).isInstanceOfSatisfying(InvoiceRegistrationResult.Found.class, found -> {
      assertThat(found.registration().expireDate()).isEqualTo(LocalDate.of(2025, 1, 1));
      assertThat(found.registration().standingOn(LocalDate.of(2025, 1, 1))).isEqualTo(Standing.EXPIRED);
    });
  }

  @Test
  void aSecondLookUpIsAnsweredFromTheCache() {
    String number = RegistrySimulator.number("700110005911");
    assertThat(registries.corporateNumber(number)).isInstanceOf(CorporateNumberResult.NotFound.class);
    assertThat(registries.corporateNumber(number)).isInstanceOf(CorporateNumberResult.NotFound.class);
    String registered = RegistrySimulator.number("700110005912");
    SIMULATOR.addRegistration(new InvoiceRegistration("T" + registered, "キャッシュ確認株式会社", "東京都デモ区", "2", "01",
        LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 1), null, null));
    assertThat(registries.invoiceRegistration("T" + registered)).isInstanceOf(InvoiceRegistrationResult.Found.class);
    assertThat(registries.invoiceRegistration("T" + registered)).isInstanceOf(InvoiceRegistrationResult.Found.class);

    assertThat(SIMULATOR.requests()).as("one request per number, the second look-up from the cache").hasSize(2);
  }

  @Test
  void cachedAnswersExpireAfterTheirOwnLifetimes() {
    AtomicLong nanos = new AtomicLong();
    RegistryClient client = new RegistryClient(producer, properties, nanos::get);
    String unknown = RegistrySimulator.number("700110005991");

    client.corporateNumber(unknown);
    client.corporateNumber(ACTIVE);
    nanos.addAndGet(properties.notFoundTtl().toNanos() + 1);
    client.corporateNumber(unknown);
    client.corporateNumber(ACTIVE);
    assertThat(SIMULATOR.requests()).as("not found asked again after its 10 minutes, found still cached").hasSize(3);

    nanos.addAndGet(properties.foundTtl().toNanos());
    client.corporateNumber(ACTIVE);
    assertThat(SIMULATOR.requests()).as("found asked again after its hour").hasSize(4);
  }

  @Test
  void anOutageIsRetriedWithBackoffThenAVisibleErrorNeverANotFound() {
    String number = RegistrySimulator.number("700110005921");
    SIMULATOR.down(true);
    NotifyBuilder failed = new NotifyBuilder(camel).fromRoute(RegistryRoutes.INVOICE_ROUTE_ID).whenFailed(1).create();
    long before = System.nanoTime();

    assertThatThrownBy(() -> registries.invoiceRegistration("T" + number))
        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("HTTP 503").doesNotContain(APPLICATION_ID);
        });

    assertThat(failed.matches(5, TimeUnit.SECONDS)).isTrue();
    List<Instant> requests = SIMULATOR.requests();
    assertThat(requests).as("the first request and two redeliveries").hasSize(3);
    // backoff: 100 ms, then 200 ms
    assertThat(Duration.between(requests.get(0), requests.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    assertThat(Duration.between(requests.get(1), requests.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
    List<DeadLetter> letters = deadLetters.newest(RegistryRoutes.INVOICE_ROUTE_ID, 5);
    assertThat(letters).first().satisfies(letter -> {
      assertThat(letter.payloadRef()).isEqualTo("T" + number);
      assertThat(letter.reason()).contains("HTTP 503").doesNotContain(APPLICATION_ID);
    });
    assertThat(operations.routes()).filteredOn(r -> r.routeId().equals(RegistryRoutes.INVOICE_ROUTE_ID))
        .singleElement().satisfies(route -> {
          assertThat(route.messagesFailed()).isPositive();
          assertThat(route.lastFailure()).contains("HTTP 503");
          assertThat(route.deadLetters()).isPositive();
        });

    // the failure was not cached: once the registry is back, the same number is answered
    SIMULATOR.down(false);
    assertThat(registries.invoiceRegistration("T" + number)).isInstanceOf(InvoiceRegistrationResult.NotFound.class);
  }

  @Test
  void aPassingFailureIsRetriedAndAnswered() {
    SIMULATOR.failNext(1, 502);

    assertThat(registries.corporateNumber(RegistrySimulator.number("700110005931")))
        .isInstanceOf(CorporateNumberResult.NotFound.class);
    assertThat(SIMULATOR.requests()).hasSize(2);
  }

  @Test
  void aTimeoutIsRetriedThenUnavailable() {
    SIMULATOR.delay(1500);
    String number = RegistrySimulator.number("700110005941");

    assertThatThrownBy(() -> registries.corporateNumber(number))
        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
          assertThat(e.retryable()).isTrue();
          assertThat(e.getMessage()).contains("no answer from the registry");
        });
    assertThat(SIMULATOR.requests()).hasSize(3);
    assertThat(deadLetters.newest(RegistryRoutes.CORPORATE_ROUTE_ID, 1)).first()
        .satisfies(letter -> assertThat(letter.payloadRef()).isEqualTo(number));
  }

  @Test
  void aRefusedRequestIsNotRetriedAndIsVisible() {
    SIMULATOR.failNext(1, 403);
    String number = RegistrySimulator.number("700110005951");

    assertThatThrownBy(() -> registries.corporateNumber(number))
        .isInstanceOfSatisfying(RegistryUnavailableException.class, e -> {
          assertThat(e.retryable()).isFalse();
          assertThat(e.getMessage()).contains("HTTP 403");
        });
    assertThat(SIMULATOR.requests()).as("no retry of a refusal").hasSize(1);
    assertThat(deadLetters.newest(RegistryRoutes.CORPORATE_ROUTE_ID, 1)).first()
        .satisfies(letter -> assertThat(letter.reason()).contains("HTTP 403"));
  }

  @Test
  void aMalformedNumberIsRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> registries.corporateNumber("1234567890123"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("corporateNumber");
    assertThatThrownBy(() -> registries.invoiceRegistration(ACTIVE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("registrationNumber");
    assertThat(SIMULATOR.requests()).isEmpty();
  }

  @Test
  void theRegistrysRateIsRespectedUnderConcurrentLookUps() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<CorporateNumberResult>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String number = RegistrySimulator.number("70011000596" + i);
        answers.add(pool.submit((Callable<CorporateNumberResult>) () -> registries.corporateNumber(number)));
      }
      for (Future<CorporateNumberResult> answer : answers) {
        assertThat(answer.get(20, TimeUnit.SECONDS)).isInstanceOf(CorporateNumberResult.NotFound.class);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Instant> requests = SIMULATOR.requests();
    assertThat(requests).hasSize(6);
    // 2 per second: any three consecutive requests span at least (almost) a second
    for (int i = 0; i + 2 < requests.size(); i++) {
      assertThat(Duration.between(requests.get(i), requests.get(i + 2)))
          .as("requests %d and %d", i, i + 2).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }

  @Test
  void theOperationsViewListsBothRoutesWithTheirCounters() {
    registries.corporateNumber(RegistrySimulator.number("700110005971"));

    assertThat(operations.routes()).extracting(RouteOperations.RouteView::routeId)
        .contains(RegistryRoutes.CORPORATE_ROUTE_ID, RegistryRoutes.INVOICE_ROUTE_ID,
            RegistryRoutes.CORPORATE_ROUTE_ID + "-request");
    assertThat(operations.routes()).filteredOn(r -> r.routeId().equals(RegistryRoutes.CORPORATE_ROUTE_ID))
        .singleElement().satisfies(route -> {
          assertThat(route.status()).isEqualTo("Started");
          assertThat(route.messagesIn()).isPositive();
          assertThat(route.messagesOut()).isPositive();
        });
  }
}
