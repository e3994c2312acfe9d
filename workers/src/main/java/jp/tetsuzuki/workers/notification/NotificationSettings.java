package jp.tetsuzuki.workers.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings ({@code tetsuzuki.notification.*}); the mail server itself is {@code spring.mail.*}.
 *
 * @param from sender address of applicant mails; its domain also names the Message-IDs
 * @param lease how long a claimed notification is reserved for the delivery that sends it (longer than a send takes)
 */
@ConfigurationProperties("tetsuzuki.notification")
public record NotificationSettings(
    @DefaultValue("no-reply@tetsuzuki.invalid") String from,
    @DefaultValue("2m") Duration lease) {}
