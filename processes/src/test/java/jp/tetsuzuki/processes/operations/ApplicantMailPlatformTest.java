package jp.tetsuzuki.processes.operations;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import jp.tetsuzuki.integrations.mail.ApplicantMail;
import jp.tetsuzuki.integrations.mail.ApplicantMailRoute;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The applicant-mail route in the platform (in-JVM workers, demo profile, no mail server): it runs in the platform's
 * Camel context, writes to the demo's {@code <data>/mail-outbox}, and shows in the operations view and the metrics
 * the monitoring account scrapes.
 */
@PlatformTest
class ApplicantMailPlatformTest {

  @Value("${server.port}")
  int port;
  @Value("${tetsuzuki.data-dir}")
  Path dataDir;
  @Autowired
  CamelContext camel;
  @Autowired
  ApplicantMail mail;
  @Autowired
  ApplicantMailRoute route;

  @Test
  void theRouteRunsInThePlatformAndWritesTheDemoOutbox() throws Exception {
    assertThat(camel.getRouteController().getRouteStatus(ApplicantMailRoute.ROUTE_ID)).isEqualTo(ServiceStatus.Started);
    Path outbox = dataDir.resolve("mail-outbox").toAbsolutePath();
    assertThat(route.destination()).isEqualTo("file:" + outbox);
    String id = "<platform-test." + UUID.randomUUID() + "@demo-ku.example.lg.jp>";
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", id);
      }
    };
    message.setFrom(new InternetAddress("no-reply@demo-ku.example.lg.jp"));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("applicant@example.jp"));
    message.setSubject("【デモ区】申請を受け付けました", "UTF-8");
    message.setText("デモ 太郎 様", "UTF-8");

    mail.send("platform-test:" + id, message);

    List<Path> written;
    try (var files = Files.list(outbox)) {
      written = files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList();
    }
    assertThat(written).anySatisfy(file -> assertThat(new MimeMessage(null, Files.newInputStream(file))
        .getMessageID()).isEqualTo(id));
  }

  @Test
  void theRouteShowsInTheOperationsViewAndTheMonitoringAccountsMetrics() {
    Http.Response routes = Http.as("admin", port).get("/api/v1/operations/routes");
    assertThat(routes.status()).isEqualTo(200);
    assertThat(routes.body()).contains("\"routeId\":\"applicant-mail\"");
    Http.Response metrics = Http.as("monitoring", port).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("routeId=\"applicant-mail\"");
  }
}
