package jp.tetsuzuki.workers.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.tetsuzuki.bpmn.Errors;
import jp.tetsuzuki.bpmn.NotificationVariables;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * The handler with the real applicant-mail route (Camel, camel-mail) to real SMTP (GreenMail), the real log on H2 and
 * the real templates; only the task API is mocked.
 */
class NotifyApplicantHandlerTest {

  @RegisterExtension
  static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final String PROCESS_INSTANCE = "8f3e9a10-1111-4c2d-9e2f-000000000042";
  private static final String FROM = "no-reply@city.example.lg.jp";

  private DataSource database;
  private NotificationLog log;
  private final Map<String, Object> variables = new HashMap<>(Map.of(
      NotificationVariables.NOTIFICATION_EVENT, NotificationVariables.EVENT_APPLICATION_RECEIVED,
      NotificationVariables.APPLICANT_EMAIL, "hanako.yamada@example.jp",
      "applicantName", "山田 花子",
      "procedureName", "保育所入所申請",
      "caseNumber", "R7-0042"));

  private final List<MailRouteNode> routes = new ArrayList<>();

  @BeforeEach
  void database() throws Exception {
    database = NotificationDatabase.create();
    log = new JdbcNotificationLog(database);
  }

  @AfterEach
  void stopRoutes() {
    routes.forEach(MailRouteNode::close);
  }

  private NotifyApplicantHandler handler(MailRouteNode route) {
    routes.add(route);
    return new NotifyApplicantHandler(new NotifierFactory(route.mail, log, new MailTemplates(), FROM,
        Duration.ofMinutes(2), Clock.systemUTC()));
  }

  private NotifyApplicantHandler handler(int smtpPort) {
    try {
      return handler(MailRouteNode.smtp(smtpPort, null, null, 1));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private NotifyApplicantHandler handler() {
    return handler(smtp.getSmtp().getPort());
  }

  private ExternalTask task(Integer retries) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn("task-1");
    when(task.getProcessInstanceId()).thenReturn(PROCESS_INSTANCE);
    when(task.getRetries()).thenReturn(retries);
    when(task.getAllVariablesTyped(false)).thenAnswer(call -> {
      VariableMap typed = Variables.fromMap(variables);
      // an object variable of the case (JSON) is not offered to templates, and must not break them
      typed.putValueTyped("approvalRoute", Variables.objectValue(java.util.List.of("ka", "bu"))
          .serializationDataFormat("application/json").create());
      return typed;
    });
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    return task;
  }

  @SuppressWarnings("unchecked")
  private static String completedMessageId(ExternalTaskService tasks, ExternalTask task) {
    ArgumentCaptor<Map<String, Object>> out = ArgumentCaptor.forClass(Map.class);
    verify(tasks).complete(eq(task), out.capture());
    return (String) out.getValue().get(NotificationVariables.NOTIFICATION_MESSAGE_ID);
  }

  @Test
  void theApplicantReceivesOneMailInJapaneseWithTheRightSubject() throws Exception {
    ExternalTask task = task(null);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler().execute(task, tasks);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("【保育所入所申請】申請を受け付けました（受付番号 R7-0042）");
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("hanako.yamada@example.jp");
    assertThat(mail.getFrom()).extracting(Object::toString).containsExactly(FROM);
    assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat((String) mail.getContent()).startsWith("山田 花子 様")
        .contains("保育所入所申請の申請を受け付けました。", "受付番号：R7-0042", "送信専用");
    assertThat(mail.getMessageID()).isEqualTo(completedMessageId(tasks, task)).endsWith("@city.example.lg.jp>");
  }

  @Test
  void aRedeliveredTaskSendsNothingAndCompletesWithTheSameMessageId() {
    ExternalTask task = task(null);
    ExternalTaskService first = mock(ExternalTaskService.class);
    ExternalTaskService second = mock(ExternalTaskService.class);

    handler().execute(task, first);
    handler().execute(task, second);

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(completedMessageId(second, task)).isEqualTo(completedMessageId(first, task));
  }

  @Test
  void eachEventAndOccurrenceOfACaseIsMailedOnce() throws Exception {
    variables.put(NotificationVariables.NOTIFICATION_EVENT, NotificationVariables.EVENT_CORRECTION_REQUESTED);
    variables.put("correctionReason", "就労証明書の勤務時間欄が空欄です。");
    variables.put("correctionDueDate", "2025-04-11");
    variables.put("contact", "デモ区 保育課");
    variables.put("correctionConsequence", "期限までに補正がない場合は、申請は取り下げられたものとして扱います。");
    variables.put(NotificationVariables.NOTIFICATION_OCCURRENCE, 1);
    handler().execute(task(null), mock(ExternalTaskService.class));
    variables.put(NotificationVariables.NOTIFICATION_OCCURRENCE, 2);
    handler().execute(task(null), mock(ExternalTaskService.class));
    handler().execute(task(null), mock(ExternalTaskService.class));

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getSubject()).isEqualTo("【保育所入所申請】申請内容の補正のお願い（受付番号 R7-0042）");
    assertThat(GreenMailUtil.getBody(received[1])).isNotEmpty();
    assertThat((String) received[1].getContent()).contains("就労証明書の勤務時間欄が空欄です。",
        "申請は取り下げられたものとして扱います。").doesNotContain("そのまま判断");
  }

  @Test
  void anSmtpOutageIsRetriedWithBackOffAndTheRetrySendsOnce() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ExternalTask task = task(null);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler(closedPort).execute(task, tasks);

    // the route tried twice (one redelivery), then gave up; the task's own retry follows with back-off
    verify(tasks).handleFailure(eq(task), contains("Couldn't connect to host"), anyString(), eq(2), eq(10_000L));
    assertThat(routes.get(0).mails("dead-letter")).isOne();
    verify(tasks, never()).complete(any(ExternalTask.class), anyMap());
    assertThat(smtp.getReceivedMessages()).isEmpty();

    ExternalTask retry = task(2);
    ExternalTaskService retried = mock(ExternalTaskService.class);
    handler().execute(retry, retried);

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    verify(retried).complete(eq(retry), anyMap());
  }

  @Test
  void aDeliveryThatCrashedAfterClaimingIsResentWithTheSameMessageIdOnceItsLeaseEnded() throws Exception {
    String key = PROCESS_INSTANCE + ":" + NotificationVariables.EVENT_APPLICATION_RECEIVED;
    log.claim(key, Instant.now().minus(Duration.ofMinutes(10)), Duration.ofMinutes(2));
    ExternalTask task = task(null);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler().execute(task, tasks);

    assertThat(smtp.getReceivedMessages()).hasSize(1);
    String messageId = completedMessageId(tasks, task);
    assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo(messageId);
  }

  @Test
  void whileAnotherDeliveryIsSendingNothingIsSentAndTheTaskIsRetried() {
    String key = PROCESS_INSTANCE + ":" + NotificationVariables.EVENT_APPLICATION_RECEIVED;
    log.claim(key, Instant.now(), Duration.ofMinutes(2));
    ExternalTask task = task(null);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler().execute(task, tasks);

    verify(tasks).handleFailure(eq(task), contains("being sent by another delivery"), any(), eq(3),
        eq(NotifyApplicantHandler.IN_PROGRESS_BACKOFF_MILLIS));
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void anApplicantWithoutAMailAddressIsABusinessOutcome() {
    variables.remove(NotificationVariables.APPLICANT_EMAIL);
    ExternalTask task = task(null);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler().execute(task, tasks);

    verify(tasks).handleBpmnError(task, Errors.NOTIFICATION_UNDELIVERABLE, "the applicant has no mail address");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void aMalformedAddressIsABusinessOutcome() {
    variables.put(NotificationVariables.APPLICANT_EMAIL, "山田＠example");
    ExternalTask task = task(null);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler().execute(task, tasks);

    verify(tasks).handleBpmnError(task, Errors.NOTIFICATION_UNDELIVERABLE, "the applicant's mail address is malformed");
  }

  @Test
  void aMissingTemplateValueBecomesAnIncidentAndLeavesNoClaimBehind() {
    variables.remove("applicantName");
    ExternalTask task = task(1);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler().execute(task, tasks);

    verify(tasks).handleFailure(eq(task), contains("'applicantName'"), anyString(), eq(0), eq(300_000L));
    assertThat(smtp.getReceivedMessages()).isEmpty();
    // fixed by the operator (variable set), the retry sends
    variables.put("applicantName", "山田 花子");
    handler().execute(task(1), mock(ExternalTaskService.class));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aServerThatRefusesTheLoginIsRetriedThenTheTaskFailsAndNothingIsLostOrSentTwice() throws Exception {
    smtp.setUser("tetsuzuki", "right-password");
    MailRouteNode refused = MailRouteNode.smtp(smtp.getSmtp().getPort(), "tetsuzuki", "wrong-password", 2);
    ExternalTask task = task(3);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler(refused).execute(task, tasks);

    // three tries in the route (two redeliveries), then the task fails with a retry left: no mail, no claim kept
    verify(tasks).handleFailure(eq(task), contains("535"), anyString(), eq(2), eq(10_000L));
    verify(tasks, never()).complete(any(ExternalTask.class), anyMap());
    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(refused.mails("dead-letter")).isOne();
    assertThat(refused.mails("sent")).isZero();
    // the last retry that fails becomes an incident (retries 0): the notice stays as an open task, never dropped
    ExternalTask last = task(1);
    ExternalTaskService lastTry = mock(ExternalTaskService.class);
    handler(refused).execute(last, lastTry);
    verify(lastTry).handleFailure(eq(last), contains("535"), anyString(), eq(0), anyLong());

    // once the credentials are right the retry sends it, once, and a redelivery afterwards sends nothing
    MailRouteNode accepted = MailRouteNode.smtp(smtp.getSmtp().getPort(), "tetsuzuki", "right-password", 2);
    handler(accepted).execute(task(1), mock(ExternalTaskService.class));
    handler(accepted).execute(task(1), mock(ExternalTaskService.class));
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(accepted.mails("sent")).isOne();
  }

  @Test
  void withoutAMailServerTheTaskFailsWithAClearMessage() throws Exception {
    var handler = handler(MailRouteNode.nowhere());
    ExternalTask task = task(null);
    ExternalTaskService tasks = mock(ExternalTaskService.class);

    handler.execute(task, tasks);

    verify(tasks).handleFailure(eq(task), contains("spring.mail.host"), anyString(), eq(2), eq(10_000L));
  }
}
