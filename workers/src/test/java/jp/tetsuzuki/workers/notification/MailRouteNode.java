package jp.tetsuzuki.workers.notification;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import jp.tetsuzuki.integrations.mail.ApplicantMail;
import jp.tetsuzuki.integrations.mail.ApplicantMailRoute;
import jp.tetsuzuki.integrations.mail.ApplicantMailSettings;
import jp.tetsuzuki.integrations.mail.MailOutbox;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.boot.autoconfigure.mail.MailProperties;

/** The applicant-mail route in a Camel context of its own, as the worker's process runs it. */
final class MailRouteNode implements AutoCloseable {

  final CamelContext camel = new DefaultCamelContext();
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final ApplicantMail mail;

  private MailRouteNode(MailProperties server, MailOutbox outbox, int redeliveries) throws Exception {
    camel.getShutdownStrategy().setTimeout(2);
    camel.addRoutes(new ApplicantMailRoute(server, outbox,
        new ApplicantMailSettings(redeliveries, Duration.ofMillis(20)), null, meters));
    camel.start();
    mail = ApplicantMailRoute.port(camel.createProducerTemplate());
  }

  /** SMTP on loopback at {@code port}, short timeouts; {@code user}/{@code password} may be null. */
  static MailRouteNode smtp(int port, String user, String password, int redeliveries) throws Exception {
    MailProperties server = new MailProperties();
    server.setHost("127.0.0.1");
    server.setPort(port);
    server.setUsername(user);
    server.setPassword(password);
    server.getProperties().put("mail.smtp.connectiontimeout", "2000");
    server.getProperties().put("mail.smtp.timeout", "2000");
    return new MailRouteNode(server, null, redeliveries);
  }

  static MailRouteNode outbox(Path folder) throws Exception {
    return new MailRouteNode(new MailProperties(), new MailOutbox(folder), 0);
  }

  static MailRouteNode nowhere() throws Exception {
    return new MailRouteNode(new MailProperties(), null, 0);
  }

  double mails(String outcome) {
    var counter = meters.find("tetsuzuki.integration.mails").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Override
  public void close() {
    camel.stop();
  }
}
