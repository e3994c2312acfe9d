package jp.tetsuzuki.workers.notification;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Notification beans: templates, the log of sent mails in the platform's database, the notifier factory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

  @Bean
  MailTemplates mailTemplates() {
    return new MailTemplates();
  }

  @Bean
  NotificationLog notificationLog(DataSource dataSource) {
    return new JdbcNotificationLog(dataSource);
  }

  @Bean
  NotifierFactory notifierFactory(ObjectProvider<JavaMailSender> mail, NotificationLog log, MailTemplates templates,
      NotificationSettings settings) {
    return new NotifierFactory(mail, log, templates, settings.from(), settings.lease(), Clock.systemUTC());
  }
}
