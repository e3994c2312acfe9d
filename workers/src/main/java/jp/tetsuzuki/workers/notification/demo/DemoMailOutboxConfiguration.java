package jp.tetsuzuki.workers.notification.demo;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Demo profile only, and only while no mail server is configured ({@code spring.mail.host} empty): the applicants'
 * mail server is simulated by an outbox folder, {@code <data-dir>/mail-outbox/*.eml} (open a file with any mail
 * program). Without it the demo's e-mail notices would end in incidents. Production configuration never sees this
 * class; there a missing mail server stays a visible error.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DemoMailOutboxConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DemoMailOutboxConfiguration.class);

  @Bean
  JavaMailSender demoMailOutbox(@Value("${tetsuzuki.data-dir:./data}") String dataDir) throws IOException {
    Path outbox = Files.createDirectories(Path.of(dataDir, "mail-outbox"));
    log.info("no mail server configured (demo): applicant mails are written to {}", outbox.toAbsolutePath());
    return new Outbox(outbox);
  }

  /** Writes each message as one .eml file, atomically (a reader never sees half a mail). */
  static final class Outbox extends JavaMailSenderImpl {
    private final Path folder;

    Outbox(Path folder) {
      this.folder = folder;
    }

    @Override
    protected void doSend(MimeMessage[] messages, Object[] originals) {
      for (MimeMessage message : messages) {
        try {
          message.saveChanges();
          Path part = folder.resolve(UUID.randomUUID() + ".eml.part");
          try (OutputStream out = Files.newOutputStream(part)) {
            message.writeTo(out);
          }
          Files.move(part, folder.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml"),
              StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | MessagingException e) {
          throw new MailSendException("demo outbox " + folder + " not writable", e);
        }
      }
    }
  }
}
