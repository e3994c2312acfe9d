package jp.tetsuzuki.workers.notification;

import java.time.Clock;
import jp.tetsuzuki.workers.WorkersSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Notification beans: templates, the log of sent mails in the workers' own database (shared by every worker process,
 * never the platform's), the notifier factory.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
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
  NotifierFactory notifierFactory(ObjectProvider<JavaMailSender> mail, NotificationLog log, MailTemplates templates,
      NotificationSettings settings) {
    return new NotifierFactory(mail, log, templates, settings.from(), settings.lease(), Clock.systemUTC());
  }
}
