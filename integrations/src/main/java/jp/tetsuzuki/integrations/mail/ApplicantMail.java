package jp.tetsuzuki.integrations.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends one applicant mail through the {@code applicant-mail} route ({@link ApplicantMailRoute}). Returns once the
 * destination (the SMTP server, or the demo's outbox folder) has accepted the message; throws when the route gave
 * up on it after its retries (the caller keeps the notice: its task fails and is retried, then becomes an incident).
 */
@FunctionalInterface
public interface ApplicantMail {

  /**
   * @param notificationKey what the mail is about (process instance : event [: occurrence]): the dead letter's
   *     reference, never the address
   * @param message the complete message (headers, Message-ID, body, encoding are the sender's)
   */
  void send(String notificationKey, MimeMessage message) throws MessagingException;
}
