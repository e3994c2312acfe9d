package jp.tetsuzuki.workers.notification.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import jp.tetsuzuki.integrations.mail.ApplicantMailRoute;
import jp.tetsuzuki.integrations.mail.ApplicantMailSettings;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The demo's simulated mail server: the applicant-mail route's file endpoint writes each mail as one complete .eml
 * file in the outbox, nothing half-written.
 */
class DemoMailOutboxTest {

  @TempDir Path data;

  @Test
  void aMailBecomesOneEmlFileWithItsJapaneseSubject() throws Exception {
    var outbox = new DemoMailOutboxConfiguration().demoMailOutbox(data.toString());
    try (var camel = new DefaultCamelContext()) {
      camel.addRoutes(new ApplicantMailRoute(new MailProperties(), outbox,
          new ApplicantMailSettings(0, Duration.ZERO), null, new SimpleMeterRegistry()));
      camel.start();
      MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
      var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
      helper.setFrom("noreply@demo-ku.example.jp");
      helper.setTo("applicant@example.jp");
      helper.setSubject("【デモ区】補正のお願い");
      helper.setText("申請書の記載に不足があります。");
      ApplicantMailRoute.port(camel.createProducerTemplate()).send("pi-1:correction-requested", message);
    }

    List<Path> files;
    try (var listing = Files.list(data.resolve("mail-outbox"))) {
      files = listing.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
    var read = new MimeMessage(null, Files.newInputStream(files.get(0)));
    assertThat(read.getSubject()).isEqualTo("【デモ区】補正のお願い");
    assertThat(read.getAllRecipients()[0].toString()).isEqualTo("applicant@example.jp");
    assertThat((String) read.getContent()).isEqualTo("申請書の記載に不足があります。");
  }
}
