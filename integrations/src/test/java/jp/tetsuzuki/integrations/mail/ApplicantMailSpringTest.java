package jp.tetsuzuki.integrations.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The route as the notification worker's process wires it: {@link ApplicantMailConfiguration} imported into a Spring
 * Boot application with Camel, the mail server and its account from {@code spring.mail.*} (GreenMail requiring that
 * login), the route's settings from {@code tetsuzuki.notification.route.*}.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ApplicantMailSpringTest.Application.class, properties = {
    "tetsuzuki.integrations.enabled=false", "spring.mail.username=tetsuzuki", "spring.mail.password=Mail-Kennwort-1",
    "spring.mail.properties[mail.smtp.connectiontimeout]=2000", "spring.mail.properties[mail.smtp.timeout]=2000",
    "tetsuzuki.notification.route.redeliveries=1", "tetsuzuki.notification.route.redelivery-delay=10ms"})
class ApplicantMailSpringTest {

  /** Started before the Spring context, which reads its port (an extension would start it after). */
  static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser("tetsuzuki", "Mail-Kennwort-1"));

  static {
    smtp.start();
  }

  @AfterAll
  static void stopServer() {
    smtp.stop();
  }

  @EnableAutoConfiguration
  @Import(ApplicantMailConfiguration.class)
  static class Application {}

  @DynamicPropertySource
  static void server(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
  }

  @Autowired CamelContext camel;
  @Autowired ApplicantMail mail;
  @Autowired ApplicantMailRoute route;
  @Autowired ApplicantMailSettings settings;

  @Test
  void theConfiguredServerAndAccountCarryTheMail() throws Exception {
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute(ApplicantMailRoute.ROUTE_ID).whenCompleted(1).create();
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(new InternetAddress("no-reply@city.example.lg.jp"));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("hanako.yamada@example.jp"));
    message.setSubject("【保育所入所申請】申請を受け付けました", "UTF-8");
    message.setText("山田 花子 様", "UTF-8");

    mail.send("pi:application-received", message);

    assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
    assertThat(route.destination()).isEqualTo("smtp://127.0.0.1:" + smtp.getSmtp().getPort());
    assertThat(settings.redeliveries()).isOne();
    assertThat(smtp.getReceivedMessages()).singleElement()
        .satisfies(received -> assertThat(received.getSubject()).isEqualTo("【保育所入所申請】申請を受け付けました"));
    // the account is set on the endpoint, never written into its URI (which Camel logs and shows)
    assertThat(camel.getRoute(ApplicantMailRoute.ROUTE_ID).getEndpoint().getEndpointUri()).isEqualTo("direct://"
        + ApplicantMailRoute.ROUTE_ID);
    assertThat(camel.getEndpoints()).filteredOn(e -> e instanceof org.apache.camel.component.mail.MailEndpoint)
        .singleElement().satisfies(endpoint -> assertThat(((org.apache.camel.component.mail.MailEndpoint) endpoint)
            .getConfiguration().getUsername()).isEqualTo("tetsuzuki"));
    assertThat(camel.getEndpoints()).allSatisfy(endpoint ->
        assertThat(endpoint.getEndpointUri()).doesNotContain("Mail-Kennwort-1"));
  }
}
