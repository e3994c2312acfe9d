package jp.tetsuzuki.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import java.time.LocalDate;
import jp.tetsuzuki.bpmn.Topics;
import jp.tetsuzuki.workers.rpa.CaseEntry;
import jp.tetsuzuki.workers.rpa.EntryResult;
import jp.tetsuzuki.workers.rpa.LegacyEntryBot;
import jp.tetsuzuki.workers.rpa.demo.LegacySystemSimulator;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.AnnotationUtils;

/** The auto-configuration registers the RPA and notification handlers on their topics, as the platform loads it. */
class WorkersWiringTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class, WorkersAutoConfiguration.class))
      .withBean(DataSource.class, () -> {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:wiring");
        return h2;
      })
      .withPropertyValues("spring.mail.host=127.0.0.1", "tetsuzuki.legacy-system.base-url=http://127.0.0.1:1/");

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
  void theDemoSimulatorStartsAndTheBotEntersCasesIntoIt() {
    context.withPropertyValues("tetsuzuki.legacy-system.base-url=", "tetsuzuki.legacy-system.simulator=true",
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
