package jp.tetsuzuki.workers.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import jp.tetsuzuki.integrations.mail.ApplicantMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends a templated mail once per dedup key through the {@code applicant-mail} route ({@link ApplicantMail}): claim
 * the key, send, mark it sent; a failed send gives the claim back
 * so the retry sends. The Message-ID is derived from the key, so in the one window that cannot be closed (SMTP
 * accepted, then the worker died before marking) the re-sent mail carries the same Message-ID and mail clients show
 * it once.
 */
public class ApplicantNotifier {

  private static final Logger log = LoggerFactory.getLogger(ApplicantNotifier.class);

  /** The outcome: the mail's Message-ID, and whether this call sent it. */
  public record Delivery(String messageId, boolean sentNow) {}

  /** Another delivery holds the key right now (technical: retry later). */
  public static class InProgressException extends RuntimeException {
    InProgressException(String key) {
      super("notification " + key + " is being sent by another delivery");
    }
  }

  /** Only builds messages: the route's SMTP producer sends them with its own session. */
  private static final Session MESSAGES = Session.getInstance(new Properties());

  private final ApplicantMail mail;
  private final NotificationLog sent;
  private final MailTemplates templates;
  private final InternetAddress from;
  private final Duration lease;
  private final Clock clock;

  public ApplicantNotifier(ApplicantMail mail, NotificationLog sent, MailTemplates templates, InternetAddress from,
      Duration lease, Clock clock) {
    this.mail = mail;
    this.sent = sent;
    this.templates = templates;
    this.from = from;
    this.lease = lease;
    this.clock = clock;
  }

  public Delivery send(Notification notification) throws UndeliverableException {
    InternetAddress to = addressOf(notification.recipient());
    // render before claiming: a template error must not leave a claim behind
    RenderedMail rendered = templates.render(notification.event(), notification.values());
    String messageId = messageIdOf(notification.key());

    switch (sent.claim(notification.key(), clock.instant(), lease)) {
      case ALREADY_SENT -> {
        log.info("notification {} already sent as {}: nothing sent", notification.key(), messageId);
        return new Delivery(messageId, false);
      }
      case IN_PROGRESS -> throw new InProgressException(notification.key());
      case SEND_IN_DOUBT -> log.warn("notification {} was claimed by a delivery that did not finish; sending again "
          + "with the same Message-ID {}", notification.key(), messageId);
      case SEND -> { }
    }
    try {
      mail.send(notification.key(), message(to, rendered, messageId));
    } catch (MessagingException | RuntimeException e) {
      sent.release(notification.key());
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }
    sent.markSent(notification.key(), messageId, clock.instant());
    log.info("notification {} sent as {} (event {})", notification.key(), messageId, notification.event());
    return new Delivery(messageId, true);
  }

  private MimeMessage message(InternetAddress to, RenderedMail rendered, String messageId)
      throws MessagingException {
    MimeMessage message = new StableIdMessage(MESSAGES, messageId);
    MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom(from);
    helper.setTo(to);
    helper.setSubject(rendered.subject());
    helper.setText(rendered.body(), false);
    helper.setSentDate(java.util.Date.from(clock.instant()));
    return message;
  }

  private static InternetAddress addressOf(String recipient) throws UndeliverableException {
    if (recipient == null || recipient.isBlank()) {
      throw new UndeliverableException("the applicant has no mail address");
    }
    try {
      InternetAddress address = new InternetAddress(recipient.strip(), true);
      if (address.getAddress().indexOf('@') < 1) {
        throw new AddressException("no domain", recipient);
      }
      return address;
    } catch (AddressException e) {
      throw new UndeliverableException("the applicant's mail address is malformed");
    }
  }

  private String messageIdOf(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      String domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
      return "<notification." + HexFormat.of().formatHex(digest, 0, 16) + "@" + domain + ">";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Keeps the Message-ID derived from the key (JavaMail would generate a new one on every send). */
  private static final class StableIdMessage extends MimeMessage {
    private final String messageId;

    StableIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
