package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.ApplicantNotice.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.NotificationVariables;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import jp.tetsuzuki.processes.identity.AsPlatform;

/**
 * The glue of {@code applicant-notice}: the notice to send is an event of the calling case's application (its id is
 * the mail's stable key, so each event is mailed once); what the mail says and where it goes come from the stored
 * case and the catalog, never from a variable. The sent mail, an undeliverable address and the posted letter are
 * recorded in the case history.
 */
public class NoticeSteps {

  private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]{1,200}>");

  private final CaseRecords cases;

  NoticeSteps(CaseRecords cases) {
    this.cases = cases;
  }

  public void prepare(DelegateExecution execution) {
    ApplicationRecord application = cases.linkedFromNotice(execution);
    ApplicationStore.Event event = noticeOf(execution, application);
    Procedure procedure = cases.procedureOf(application);
    Map<String, Object> applicant = ProcedureActivities.readData(application.applicantJson());
    String template = switch (event.type()) {
      case "correction-requested" -> NotificationVariables.EVENT_CORRECTION_REQUESTED;
      case "correction-reminder" -> NotificationVariables.EVENT_CORRECTION_REMINDER;
      case "notified" -> AdministrativeProcedure.OUTCOME_WITHDRAWN.equals(application.outcome())
          ? NotificationVariables.EVENT_WITHDRAWAL_ACCEPTED : NotificationVariables.EVENT_DECISION_NOTIFIED;
      default -> throw new AuthorizationException("event " + event.type() + " is not a notice");
    };
    execution.setVariable(NOTICE_TEMPLATE, template);
    execution.setVariable(CHANNEL, procedure.notification().channel());
    execution.setVariable(NOTICE_TEXT, event.message());
    // the letter names what is missing; the history's first line (「補正を求めました（補正期限 …）。…停止します。」) is
    // the staff's record, the letter states the deadline and the pause itself
    execution.setVariable("correctionReason", "correction-requested".equals(event.type())
        ? correctionItems(event.message()) : event.message());
    execution.setVariable(CORRECTION_CONSEQUENCE, EventTexts.text(Procedure.TIMEOUT_REFUSAL.equals(
        procedure.correction().onTimeout()) ? "correction.consequence.refusal"
        : "correction.consequence.deemed-withdrawn"));
    execution.setVariable(AdministrativeProcedure.PROCEDURE_NAME, procedure.name());
    execution.setVariable(AdministrativeProcedure.APPLICANT_NAME, applicant.get("name"));
    execution.setVariable(NotificationVariables.APPLICANT_EMAIL, applicant.get("email"));
    execution.setVariable(CASE_NUMBER, application.id());
    String reviewGroup = procedure.reviewGroup(application.tenantId());
    execution.setVariable(REVIEW_GROUP, reviewGroup);
    // what the letter names: the 処分庁, its date, whom to ask and, for a 補正, by when
    IdentityService identity = execution.getProcessEngineServices().getIdentityService();
    String authority = AsPlatform.call(identity, () -> {
      Tenant tenant = identity.createTenantQuery().tenantId(application.tenantId()).singleResult();
      return tenant == null || tenant.getName() == null || tenant.getName().isBlank() ? application.tenantId()
          : tenant.getName();
    });
    String department = AsPlatform.call(identity, () -> {
      Group group = identity.createGroupQuery().groupId(reviewGroup).singleResult();
      return group == null || group.getName() == null || group.getName().isBlank() ? "担当課" : group.getName();
    });
    execution.setVariable(AUTHORITY_NAME, authority);
    // the group's name carries the municipality already (「デモ区 道路管理課」): never 「デモ区 デモ区 道路管理課」
    execution.setVariable(CONTACT, department.startsWith(authority) ? department : authority + " " + department);
    execution.setVariable(NOTICE_DATE, ProcedureDeadlines.today(event.occurredAt()).toString());
    execution.setVariable(CORRECTION_DUE_DATE, application.correctionDue() == null ? "補正の通知に記載の期限"
        : application.correctionDue().toString());
    if (CHANNEL_POST.equals(procedure.notification().channel())) {
      // the catalog's channel is post: staff print and post the notice (Task_NotifyByPost) and confirm the day
      execution.setVariable(POST_REASON, EventTexts.text("notice.post-reason.channel"));
      cases.store().event(application.id(), "post-requested", EventTexts.text("notice.post-requested",
          kind(execution)), null, CaseRecords.now());
    }
  }

  /** The missing items of a 補正 event's text: what follows its first line (the whole text if it has one line). */
  static String correctionItems(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    String items = newline < 0 ? message : message.substring(newline + 1).strip();
    return items == null || items.isEmpty() ? message : items;
  }

  /** The worker sent the mail: its Message-ID (checked) goes into the case history. */
  public void recordMailSent(DelegateExecution execution) {
    ApplicationRecord application = cases.linkedFromNotice(execution);
    noticeOf(execution, application);
    String messageId = WorkerResults.matching(execution.getVariable(NotificationVariables.NOTIFICATION_MESSAGE_ID),
        MESSAGE_ID).orElse("-");
    cases.store().event(application.id(), "mail-sent", EventTexts.text("notice.mail-sent", kind(execution),
        messageId), null, CaseRecords.now());
  }

  /** NOTIFICATION_UNDELIVERABLE: recorded; staff post the notice. */
  public void recordUndeliverable(DelegateExecution execution) {
    ApplicationRecord application = cases.linkedFromNotice(execution);
    noticeOf(execution, application);
    execution.setVariable(POST_REASON, EventTexts.text("notice.post-reason.undeliverable"));
    cases.store().event(application.id(), "mail-undeliverable", EventTexts.text("notice.mail-undeliverable",
        kind(execution)), null, CaseRecords.now());
  }

  /** Staff posted the notice: the day (not in the future) and who, in the case history. */
  public void posted(DelegateTask task) {
    String user = ReviewSteps.caller(task);
    if (user == null) {
      throw new BadUserRequestException(EventTexts.text("review.no-reviewer"));
    }
    Instant now = CaseRecords.now();
    LocalDate postedOn;
    try {
      Object value = task.getVariable(POSTED_ON);
      postedOn = LocalDate.parse(value instanceof String s ? s.substring(0, Math.min(10, s.length())) : "");
    } catch (DateTimeParseException e) {
      throw new BadUserRequestException(EventTexts.text("notice.no-posted-on"));
    }
    if (postedOn.isAfter(ProcedureDeadlines.today(now))) {
      throw new BadUserRequestException(EventTexts.text("notice.no-posted-on"));
    }
    // the input first (a 400 that changes nothing), then whose notice it is
    DelegateExecution execution = task.getExecution();
    ApplicationRecord application = cases.linkedFromNotice(execution);
    noticeOf(execution, application);
    cases.store().event(application.id(), "posted", EventTexts.text("notice.posted", kind(execution),
        postedOn.toString()), user, now);
  }

  /** The notice's event, which must be an event of this application. */
  private ApplicationStore.Event noticeOf(DelegateExecution execution, ApplicationRecord application) {
    Object eventId = execution.getVariable(NOTICE_EVENT_ID);
    return (eventId instanceof String id ? cases.store().event(application.id(), id) : java.util.Optional
        .<ApplicationStore.Event>empty()).orElseThrow(() -> new AuthorizationException(EventTexts.text(
        "notice.not-this-case", application.id(), eventId) + " / event " + eventId + " is not an event of "
        + "application " + application.id()));
  }

  private static String kind(DelegateExecution execution) {
    String key = "notice.kind." + execution.getVariable(NOTICE_TEMPLATE);
    return EventTexts.has(key) ? EventTexts.text(key) : EventTexts.text("notice.kind.decision-notified");
  }
}
