package jp.tetsuzuki.processes.approval;

import java.util.List;
import java.util.Optional;

/**
 * Where routes, their steps and their action log are kept. {@link JdbcApprovalStore} is the platform's; the rules
 * ({@link Route}) never see it, so they are tested with an in-memory store and no database.
 */
public interface ApprovalStore {

  /** What the approvers are shown besides the case's subject and amount: the summary and the attachments. */
  record Document(String summary, String attachmentsText) {}

  void insert(ApprovalCase c);

  void update(ApprovalCase c);

  Optional<ApprovalCase> find(String processInstanceId);

  /** Replaces all steps of a route. */
  void saveSteps(String processInstanceId, List<RouteStep> steps);

  /** The steps in position, then participant order. */
  List<RouteStep> steps(String processInstanceId);

  /** Appends an action; the store numbers it ({@link ActionRecord#seq()} of the argument is ignored). */
  void record(String processInstanceId, String tenantId, ActionRecord action);

  /** The actions in the order they were recorded. */
  List<ActionRecord> actions(String processInstanceId);

  void saveDocument(String processInstanceId, Document document);

  Optional<Document> document(String processInstanceId);
}
