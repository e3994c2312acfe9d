package jp.tetsuzuki.workers.notification.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The demo's simulated mail server: each mail one complete .eml file in the outbox, nothing half-written. */
class DemoMailOutboxTest {

  @TempDir Path data;

  @Test
  void aMailBecomesOneEmlFileWithItsJapaneseSubject() throws Exception {
    var sender = new DemoMailOutboxConfiguration().demoMailOutbox(data.toString());
    var message = sender.createMimeMessage();
    var helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
    helper.setFrom("noreply@demo-ku.example.jp");
    helper.setTo("applicant@example.jp");
    helper.setSubject("【デモ区】補正のお願い");
    helper.setText("申請書の記載に不足があります。");
    sender.send(message);

    List<Path> files;
    try (var listing = Files.list(data.resolve("mail-outbox"))) {
      files = listing.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).endsWith(".eml");
    var read = new jakarta.mail.internet.MimeMessage(null, Files.newInputStream(files.get(0)));
    assertThat(read.getSubject()).isEqualTo("【デモ区】補正のお願い");
    assertThat(read.getAllRecipients()[0].toString()).isEqualTo("applicant@example.jp");
  }
}
