package jp.tetsuzuki.workers.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import jp.tetsuzuki.integrations.mail.ApplicantMail;

/**
 * The notifier with the {@code applicant-mail} route as its way out. Without a mail server ({@code spring.mail.host}
 * unset, outside the demo's outbox) the platform still starts, and the route refuses each mail with that message,
 * so notification tasks fail into incidents.
 */
public class NotifierFactory {

  private final ApplicantMail mail;
  private final NotificationLog log;
  private final MailTemplates templates;
  private final String from;
  private final Duration lease;
  private final Clock clock;

  public NotifierFactory(ApplicantMail mail, NotificationLog log, MailTemplates templates, String from,
      Duration lease, Clock clock) {
    this.mail = mail;
    this.log = log;
    this.templates = templates;
    this.from = from;
    this.lease = lease;
    this.clock = clock;
  }

  ApplicantNotifier notifier() {
    try {
      return new ApplicantNotifier(mail, log, templates, new InternetAddress(from, true), lease, clock);
    } catch (AddressException e) {
      throw new IllegalStateException("tetsuzuki.notification.from is not a mail address: " + from, e);
    }
  }
}
