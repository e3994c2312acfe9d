package jp.tetsuzuki.integrations.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code applicant-mail} route and its port, for whoever sends applicant mails: the notification worker imports
 * this class ({@code @Import}), in the platform's JVM and in the worker application alike, so the route runs in
 * the Camel context of the process that runs the worker. Deliberately not a {@code @Configuration}: the integrations'
 * component scan must not add the route to engine nodes that run no workers.
 */
@EnableConfigurationProperties({MailProperties.class, ApplicantMailSettings.class})
public class ApplicantMailConfiguration {

  @Bean
  ApplicantMailRoute applicantMailRoute(MailProperties mail, ObjectProvider<MailOutbox> outbox,
      ApplicantMailSettings settings, ObjectProvider<DeadLetterStore> deadLetters,
      ObjectProvider<MeterRegistry> meters) {
    return new ApplicantMailRoute(mail, outbox.getIfAvailable(), settings, deadLetters.getIfAvailable(),
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  ApplicantMail applicantMail(ProducerTemplate template) {
    return ApplicantMailRoute.port(template);
  }
}
