package jp.tetsuzuki.workers.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The notifier with the platform's mail sender. Spring Boot creates the sender only when {@code spring.mail.host} is
 * set; without it the platform still starts, and notification tasks fail with that message into incidents.
 */
public class NotifierFactory {

  private final ObjectProvider<JavaMailSender> mail;
  private final NotificationLog log;
  private final MailTemplates templates;
  private final String from;
  private final Duration lease;
  private final Clock clock;

  public NotifierFactory(ObjectProvider<JavaMailSender> mail, NotificationLog log, MailTemplates templates,
      String from, Duration lease, Clock clock) {
    this.mail = mail;
    this.log = log;
    this.templates = templates;
    this.from = from;
    this.lease = lease;
    this.clock = clock;
  }

  ApplicantNotifier notifier() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      throw new IllegalStateException("no mail server configured: set spring.mail.host (and port, credentials)");
    }
    try {
      return new ApplicantNotifier(sender, log, templates, new InternetAddress(from, true), lease, clock);
    } catch (AddressException e) {
      throw new IllegalStateException("tetsuzuki.notification.from is not a mail address: " + from, e);
    }
  }
}
