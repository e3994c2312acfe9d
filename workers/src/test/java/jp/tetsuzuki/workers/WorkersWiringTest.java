package jp.tetsuzuki.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.time.LocalDate;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.rpa.CaseEntry;
import jp.tetsuzuki.workers.rpa.EntryResult;
import jp.tetsuzuki.workers.rpa.LegacyEntryBot;
import jp.tetsuzuki.workers.rpa.demo.LegacySystemSimulator;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import jp.tetsuzuki.workers.documents.DocumentSource;
import jp.tetsuzuki.workers.documents.PlatformDocumentClient;
import jp.tetsuzuki.workers.notification.NotificationLog;
import org.camunda.bpm.client.spring.boot.starter.BasicAuthProperties;
import org.camunda.bpm.client.spring.boot.starter.ClientProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The auto-configuration registers the handlers on their topics, as the platform and the worker application load it:
 * documents come from the platform over HTTP, the mail log is the workers' own database, the simulator only in demo.
 */
class WorkersWiringTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class,
          org.apache.camel.spring.boot.CamelAutoConfiguration.class, WorkersAutoConfiguration.class))
      .withBean(ClientProperties.class, () -> {
        ClientProperties client = new ClientProperties();
        client.setWorkerId("wiring-test");
        BasicAuthProperties login = new BasicAuthProperties();
        login.setUsername("worker");
        login.setPassword("Wiring-test-1");
        client.setBasicAuth(login);
        return client;
      })
      .withPropertyValues("spring.mail.host=127.0.0.1", "tetsuzuki.legacy-system.base-url=http://127.0.0.1:1/",
          "tetsuzuki.workers.platform-url=http://127.0.0.1:1",
          "tetsuzuki.workers.notification-log.url=jdbc:h2:mem:wiring-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

  private static List<String> topics(Map<String, ExternalTaskHandler> handlers) {
    return handlers.values().stream()
        .map(handler -> AnnotationUtils.findAnnotation(handler.getClass(), ExternalTaskSubscription.class))
        .filter(Objects::nonNull)
        .flatMap(subscription -> Arrays.stream(new String[] {subscription.topicName(), subscription.value()}))
        .filter(topic -> !topic.isEmpty())
        .toList();
  }

  @Test
  void theRpaAndNotificationHandlersAreSubscribedToTheirTopics() {
    context.run(app -> {
      assertThat(app).hasNotFailed();
      assertThat(topics(app.getBeansOfType(ExternalTaskHandler.class)))
          .contains(Topics.LEGACY_SYSTEM_ENTRY, Topics.NOTIFY_APPLICANT);
    });
  }

  @Test
  void notificationsLeaveThroughTheApplicantMailRouteInThisProcesssCamelContext() {
    context.run(app -> {
      var camel = app.getBean(org.apache.camel.CamelContext.class);
      assertThat(camel.getRoute(jp.tetsuzuki.integrations.mail.ApplicantMailRoute.ROUTE_ID)).isNotNull();
      assertThat(app.getBean(jp.tetsuzuki.integrations.mail.ApplicantMailRoute.class).destination())
          .isEqualTo("smtp://127.0.0.1:25");
    });
  }

  @Test
  void documentsComeFromThePlatformAndTheMailLogIsTheWorkersOwnDatabase() {
    context.run(app -> {
      assertThat(app.getBean(DocumentSource.class)).isInstanceOf(PlatformDocumentClient.class);
      // the migration ran on the workers' database: a first claim of a key may send
      assertThat(app.getBean(NotificationLog.class).claim("wiring:event", java.time.Instant.now(),
          java.time.Duration.ofMinutes(1))).isEqualTo(NotificationLog.Claim.SEND);
    });
  }

  @Test
  void withoutThePlatformsAddressTheWorkersDoNotStart() {
    context.withPropertyValues("tetsuzuki.workers.platform-url=").run(app ->
        assertThat(app).hasFailed().getFailure().rootCause().hasMessageContaining("TETSUZUKI_PLATFORM_URL"));
  }

  @Test
  void theSimulatorIsWiredInTheDemoProfileOnly() {
    context.withPropertyValues("tetsuzuki.legacy-system.base-url=", "tetsuzuki.legacy-system.simulator=true")
        .run(app -> assertThat(app.getBeansOfType(LegacySystemSimulator.class)).isEmpty());
  }

  @Test
  void theDemoSimulatorStartsAndTheBotEntersCasesIntoIt() {
    context.withPropertyValues("spring.profiles.active=demo", "tetsuzuki.legacy-system.base-url=",
        "tetsuzuki.legacy-system.simulator=true",
        "tetsuzuki.legacy-system.user-id=rpa-bot", "tetsuzuki.legacy-system.password=demo-secret").run(app -> {
          LegacySystemSimulator simulator = app.getBean(LegacySystemSimulator.class);
          EntryResult result = app.getBean(LegacyEntryBot.class).enter(new CaseEntry("R7-0100", "鈴木 一郎",
              "スズキ　イチロウ", LocalDate.of(1979, 1, 31), "530-0001", "大阪府大阪市北区梅田１－１",
              LocalDate.of(2025, 4, 1), 10_000), step -> {});
          assertThat(result.outcome()).isEqualTo(EntryResult.Outcome.ENTERED);
          assertThat(simulator.records()).containsKey("R7-0100");
        });
  }

  @Test
  void workersCanBeSwitchedOff() {
    context.withPropertyValues("tetsuzuki.workers.enabled=false").run(app ->
        assertThat(app.getBeansOfType(ExternalTaskHandler.class)).isEmpty());
  }
}
