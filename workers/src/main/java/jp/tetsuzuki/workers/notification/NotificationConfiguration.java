package jp.tetsuzuki.workers.notification;

import java.time.Clock;
import jp.tetsuzuki.integrations.mail.ApplicantMail;
import jp.tetsuzuki.integrations.mail.ApplicantMailConfiguration;
import jp.tetsuzuki.workers.WorkersSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Notification beans: templates, the log of sent mails in the workers' own database (shared by every worker process,
 * never the platform's), the notifier factory, and the {@code applicant-mail} Camel route the mails leave through
 * ({@link ApplicantMailConfiguration} of the integrations module, in this process's Camel context: the platform's
 * for the in-JVM workers, the worker application's own otherwise).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
@Import(ApplicantMailConfiguration.class)
class NotificationConfiguration {

  @Bean
  MailTemplates mailTemplates() {
    return new MailTemplates();
  }

  @Bean(destroyMethod = "close")
  NotificationLogDatabase notificationLogDatabase(WorkersSettings settings) {
    return new NotificationLogDatabase(settings.notificationLog());
  }

  @Bean
  NotificationLog notificationLog(NotificationLogDatabase database) {
    return new JdbcNotificationLog(database.dataSource());
  }

  @Bean
  NotifierFactory notifierFactory(ApplicantMail mail, NotificationLog log, MailTemplates templates,
      NotificationSettings settings) {
    return new NotifierFactory(mail, log, templates, settings.from(), settings.lease(), Clock.systemUTC());
  }
}
