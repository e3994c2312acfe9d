package jp.tetsuzuki.workers.notification;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Notification beans: templates, the log of sent mails in the platform's database, the notifier factory. */
@Configuration(proxyBeanMethods = false)
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
      @Value("${tetsuzuki.notification.from:no-reply@tetsuzuki.invalid}") String from,
      @Value("${tetsuzuki.notification.lease:2m}") Duration lease) {
    return new NotifierFactory(mail, log, templates, from, lease, Clock.systemUTC());
  }
}
