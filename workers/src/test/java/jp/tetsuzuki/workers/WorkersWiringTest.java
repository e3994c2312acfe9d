package jp.tetsuzuki.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import jp.tetsuzuki.bpmn.Topics;
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
  void workersCanBeSwitchedOff() {
    context.withPropertyValues("tetsuzuki.workers.enabled=false").run(app ->
        assertThat(app.getBeansOfType(ExternalTaskHandler.class)).isEmpty());
  }
}
