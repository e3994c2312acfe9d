package jp.tetsuzuki.integrations.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.tetsuzuki.integrations.operations.DeadLetter;
import jp.tetsuzuki.integrations.operations.DeadLetterStore;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The applicant-mail route against real SMTP (GreenMail), a server that refuses (a wrong login at GreenMail; a
 * server that rejects the recipient; a closed port), the demo's outbox folder and no destination at all, with the
 * routes' dead-letter table on H2.
 */
class ApplicantMailRouteTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String KEY = "8f3e9a10-1111-4c2d-9e2f-000000000042:application-received";

  @TempDir Path data;
  private DeadLetterStore deadLetters;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private CamelContext camel;

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:mail-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (var connection = h2.getConnection()) {
      ScriptUtils.executeSqlScript(connection, new ClassPathResource("operations/dead-letter.sql"));
    }
    deadLetters = new DeadLetterStore(h2, Clock.systemUTC(), 100, "node-a");
  }

  @AfterEach
  void stop() {
    if (camel != null) {
      camel.stop();
    }
  }

  private ApplicantMailRoute route(MailProperties server, MailOutbox outbox, int redeliveries) {
    return new ApplicantMailRoute(server, outbox, new ApplicantMailSettings(redeliveries, Duration.ofMillis(20)),
        deadLetters, meters);
  }

  private static MailProperties server(int port, String user, String password) {
    MailProperties server = new MailProperties();
    server.setHost("127.0.0.1");
    server.setPort(port);
    server.setUsername(user);
    server.setPassword(password);
    server.getProperties().put("mail.smtp.connectiontimeout", "2000");
    server.getProperties().put("mail.smtp.timeout", "2000");
    return server;
  }

  private ApplicantMail start(ApplicantMailRoute route) throws Exception {
    camel = new DefaultCamelContext();
    camel.getShutdownStrategy().setTimeout(2);
    camel.addRoutes(route);
    camel.start();
    return ApplicantMailRoute.port(camel.createProducerTemplate());
  }

  /** A notice as the notification worker builds it: its own Message-ID, the given charset. */
  private static MimeMessage notice(String messageId, String charset) throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress("no-reply@city.example.lg.jp"));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("hanako.yamada@example.jp"));
    message.setSubject("【道路占用許可】申請を受け付けました（受付番号 R7-0042）", charset);
    message.setText("山田 花子 様\n\n申請を受け付けました。〜 期限：令和7年4月11日", charset);
    return message;
  }

  private double mails(String outcome) {
    var counter = meters.find("tetsuzuki.integration.mails").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aNoticeReachesTheServerOnceWithItsMessageIdAndEncodingUntouched() throws Exception {
    ApplicantMailRoute route = route(server(smtp.getSmtp().getPort(), null, null), null, 2);
    ApplicantMail mail = start(route);
    NotifyBuilder done = new NotifyBuilder(camel).fromRoute(ApplicantMailRoute.ROUTE_ID).whenCompleted(2).create();

    mail.send(KEY, notice("<notification.0042@city.example.lg.jp>", "UTF-8"));
    mail.send(KEY + ":iso", notice("<notification.iso@city.example.lg.jp>", "ISO-2022-JP"));

    assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
    assertThat(route.destination()).isEqualTo("smtp://127.0.0.1:" + smtp.getSmtp().getPort());
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getMessageID()).isEqualTo("<notification.0042@city.example.lg.jp>");
    assertThat(received[0].getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(received[0].getSubject()).isEqualTo("【道路占用許可】申請を受け付けました（受付番号 R7-0042）");
    assertThat((String) received[0].getContent()).contains("山田 花子 様", "〜");
    // a message encoded as ISO-2022-JP goes out as ISO-2022-JP: the route never re-encodes
    assertThat(received[1].getContentType()).containsIgnoringCase("charset=ISO-2022-JP");
    assertThat(received[1].getSubject()).isEqualTo("【道路占用許可】申請を受け付けました（受付番号 R7-0042）");
    assertThat(received[1].getHeader("Subject")[0]).startsWith("=?ISO-2022-JP?");
    assertThat(mails("sent")).isEqualTo(2);
    assertThat(deadLetters.count(ApplicantMailRoute.ROUTE_ID)).isZero();
  }

  @Test
  void aServerThatRefusesTheLoginIsTriedAgainThenTheRouteGivesUpVisiblyAndThrows() throws Exception {
    smtp.setUser("tetsuzuki", "right-password");
    ApplicantMail mail = start(route(server(smtp.getSmtp().getPort(), "tetsuzuki", "wrong-password"), null, 2));

    assertThatThrownBy(() -> mail.send(KEY, notice("<n.1@city.example.lg.jp>", "UTF-8")))
        .isInstanceOf(jakarta.mail.AuthenticationFailedException.class).hasMessageContaining("535");

    assertThat(smtp.getReceivedMessages()).isEmpty();
    List<DeadLetter> letters = deadLetters.newest(ApplicantMailRoute.ROUTE_ID, 10);
    assertThat(letters).singleElement().satisfies(letter -> {
      assertThat(letter.payloadRef()).isEqualTo(KEY);
      assertThat(letter.reason()).contains("AuthenticationFailedException", "535");
      assertThat(letter.node()).isEqualTo("node-a");
    });
    assertThat(mails("dead-letter")).isOne();
    assertThat(mails("sent")).isZero();
  }

  @Test
  void aRejectedRecipientIsTriedThreeTimesAndTheDeadLetterNamesTheNoticeNotTheAddress() throws Exception {
    try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
      ApplicantMail mail = start(route(server(refusing.port(), null, null), null, 2));

      assertThatThrownBy(() -> mail.send(KEY, notice("<n.2@city.example.lg.jp>", "UTF-8")))
          .isInstanceOf(jakarta.mail.SendFailedException.class);

      assertThat(refusing.connections.get()).as("one try and two redeliveries").isEqualTo(3);
      assertThat(deadLetters.newest(ApplicantMailRoute.ROUTE_ID, 10)).singleElement().satisfies(letter -> {
        assertThat(letter.payloadRef()).isEqualTo(KEY);
        assertThat(letter.reason()).contains("550", "Recipient address rejected", "<address>")
            .doesNotContain("hanako.yamada", "example.jp");
      });
    }
  }

  @Test
  void aClosedPortIsAnOutageThatEndsInADeadLetterAndAnException() throws Exception {
    int closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    ApplicantMail mail = start(route(server(closed, null, null), null, 1));

    assertThatThrownBy(() -> mail.send(KEY, notice("<n.3@city.example.lg.jp>", "UTF-8")))
        .isInstanceOf(MessagingException.class).hasMessageContaining("Couldn't connect to host");
    assertThat(deadLetters.count(ApplicantMailRoute.ROUTE_ID)).isOne();
  }

  @Test
  void withoutAMailServerTheDemoOutboxGetsOneCompleteEmlFilePerNotice() throws Exception {
    Path outbox = data.resolve("mail-outbox");
    ApplicantMailRoute route = route(new MailProperties(), new MailOutbox(outbox), 0);
    ApplicantMail mail = start(route);

    mail.send(KEY, notice("<notification.0042@city.example.lg.jp>", "UTF-8"));
    mail.send(KEY + ":2", notice("<notification.0043@city.example.lg.jp>", "UTF-8"));

    assertThat(route.destination()).isEqualTo("file:" + outbox.toAbsolutePath());
    List<Path> files;
    try (var listing = Files.list(outbox)) {
      files = listing.sorted().toList();
    }
    // written under a temporary name and renamed: only whole .eml files are ever in the folder
    assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".eml"));
    MimeMessage read = new MimeMessage(null, Files.newInputStream(files.get(0)));
    assertThat(List.of(read.getMessageID(), new MimeMessage(null, Files.newInputStream(files.get(1)))
        .getMessageID())).containsExactlyInAnyOrder("<notification.0042@city.example.lg.jp>",
        "<notification.0043@city.example.lg.jp>");
    assertThat(read.getSubject()).isEqualTo("【道路占用許可】申請を受け付けました（受付番号 R7-0042）");
    assertThat(new String(Files.readAllBytes(files.get(0)), StandardCharsets.US_ASCII))
        .contains("charset=UTF-8");
    assertThat(mails("sent")).isEqualTo(2);
  }

  @Test
  void withNoDestinationAtAllTheRouteRefusesAtOnceWithTheSettingToSet() throws Exception {
    ApplicantMailRoute route = route(new MailProperties(), null, 2);
    ApplicantMail mail = start(route);

    assertThatThrownBy(() -> mail.send(KEY, notice("<n.4@city.example.lg.jp>", "UTF-8")))
        .isInstanceOf(ApplicantMailRoute.NotConfiguredException.class).hasMessageContaining("spring.mail.host");
    assertThat(route.destination()).isEqualTo("none");
    assertThat(deadLetters.newest(ApplicantMailRoute.ROUTE_ID, 10)).singleElement()
        .satisfies(letter -> assertThat(letter.reason()).contains("no mail server configured"));
  }

  @Test
  void theRouteHandsTheMessageAsItIsWithItsKeyToTheSendStep() throws Exception {
    camel = new DefaultCamelContext();
    camel.addRoutes(route(server(smtp.getSmtp().getPort(), null, null), null, 0));
    AdviceWith.adviceWith(camel, ApplicantMailRoute.ROUTE_ID,
        advice -> advice.weaveById(ApplicantMailRoute.STEP_SEND).replace().to("mock:smtp"));
    camel.start();
    MockEndpoint server = camel.getEndpoint("mock:smtp", MockEndpoint.class);
    server.expectedMessageCount(1);
    server.expectedHeaderReceived(ApplicantMailRoute.KEY, KEY);
    MimeMessage notice = notice("<n.5@city.example.lg.jp>", "UTF-8");

    ApplicantMailRoute.port(camel.createProducerTemplate()).send(KEY, notice);

    server.assertIsSatisfied(5000);
    assertThat(server.getExchanges().get(0).getIn().getBody()).isSameAs(notice);
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void addressesInAServersAnswerAreMasked() {
    assertThat(ApplicantMailRoute.masked("550 5.1.1 <hanako.yamada@example.jp>: Recipient address rejected; "
        + "also taro@example.lg.jp")).isEqualTo("550 5.1.1 <<address>>: Recipient address rejected; also <address>");
  }
}
