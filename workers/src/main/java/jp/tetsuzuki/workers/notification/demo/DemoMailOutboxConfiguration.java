package jp.tetsuzuki.workers.notification.demo;

import java.nio.file.Path;
import jp.tetsuzuki.integrations.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Demo profile only, and only while no mail server is configured ({@code spring.mail.host} empty): the applicants'
 * mail server is simulated by an outbox folder, {@code <data-dir>/mail-outbox/*.eml} (open a file with any mail
 * program), the {@code applicant-mail} route's file endpoint. Without it the demo's e-mail notices would end in
 * incidents. Production configuration never sees this class; there a missing mail server stays a visible error.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMailOutboxConfiguration {

  @Bean
  MailOutbox demoMailOutbox(@Value("${tetsuzuki.data-dir:./data}") String dataDir) {
    return new MailOutbox(Path.of(dataDir, "mail-outbox"));
  }
}
