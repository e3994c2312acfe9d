package jp.tetsuzuki.integrations.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code applicant-mail} route ({@code tetsuzuki.notification.route.*}); the mail server itself is
 * {@code spring.mail.*} (host, port, username, password, protocol, properties).
 *
 * @param redeliveries how often the route tries again before it gives up (the task's own retries follow)
 * @param redeliveryDelay the first wait between tries (doubled each time); all tries together must stay well inside
 *     the external task's lock
 */
@ConfigurationProperties("tetsuzuki.notification.route")
public record ApplicantMailSettings(
    @DefaultValue("2") int redeliveries,
    @DefaultValue("1s") Duration redeliveryDelay) {

  public ApplicantMailSettings {
    if (redeliveries < 0 || redeliveries > 10 || redeliveryDelay == null || redeliveryDelay.isNegative()) {
      throw new IllegalArgumentException("tetsuzuki.notification.route: redeliveries 0..10, redelivery-delay not "
          + "negative");
    }
  }
}
