package jp.tetsuzuki.processes.tasklist;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters every tenant gets: name, description and order (Japanese, as staff read them) and the task
 * query. Every query is limited to the tenant; the engine's tenant check and task grants limit it further to what
 * the logged-in user may see.
 */
enum FilterKind {

  MINE("自分のタスク", "自分が担当しているタスク", -10),
  SUBSTITUTE("代理で決裁できるタスク", "代理者として登録された（または上申を受けた）、他の職員が担当する決裁・合議のタスク", -8),
  GROUP("グループのタスク", "所属グループに割り当てられ、まだ担当者がいないタスク", -5),
  DUE_SOON("期限が近いタスク", "3開庁日以内に期限を迎える、自分・グループ・代理のタスク（期限切れを除く）", 0),
  OVERDUE("期限切れのタスク", "期限を過ぎた、自分・グループ・代理のタスク", 5);

  static final String CURRENT_USER = "${currentUser()}";
  static final String CURRENT_USER_GROUPS = "${currentUserGroups()}";
  static final String NOW = "${now()}";

  private final String label;
  private final String description;
  private final int priority;

  FilterKind(String label, String description, int priority) {
    this.label = label;
    this.description = description;
    this.priority = priority;
  }

  /** The filter's name in the Tasklist: the label and the municipality, for staff who serve more than one. */
  String nameFor(String tenantName) {
    return label + "（" + tenantName + "）";
  }

  String label() {
    return label;
  }

  String description() {
    return description;
  }

  int priority() {
    return priority;
  }

  /** The kind's query for one tenant; {@code dueSoonEnd} is used by {@link #DUE_SOON} only. */
  TaskQuery query(TaskService tasks, String tenantId, Instant dueSoonEnd) {
    TaskQuery query = tasks.createTaskQuery().tenantIdIn(tenantId);
    return switch (this) {
      case MINE -> query.taskAssigneeExpression(CURRENT_USER);
      // a candidate by name (registered substitute, or the superior an approval was escalated to): the engine's
      // candidate-user match alone also takes the user's groups, which would list every claimed task of a group
      // (a review escalated to the supervisors' group, one's own claimed or delegated group task). withCandidateUsers
      // narrows the same identity-link row to a user link, so only a link naming the user matches. The engine has
      // no "assignee is not ${currentUser()}" for stored filters (taskAssigneeNotIn takes no expression): a task the
      // user was named a candidate for AND has claimed is still listed (it is theirs to decide either way)
      case SUBSTITUTE -> query.taskCandidateUserExpression(CURRENT_USER).withCandidateUsers()
          .taskInvolvedUserExpression(CURRENT_USER).includeAssignedTasks().taskAssigned();
      case GROUP -> query.taskCandidateGroupInExpression(CURRENT_USER_GROUPS).taskUnassigned();
      case DUE_SOON -> involved(query).dueAfterExpression(NOW).dueBefore(Date.from(dueSoonEnd)).orderByDueDate().asc();
      case OVERDUE -> involved(query).dueBeforeExpression(NOW).orderByDueDate().asc();
    };
  }

  /** Tasks the user works on: assigned to them, offered to one of their groups or to them (代理), assigned or not. */
  private static TaskQuery involved(TaskQuery query) {
    return query.or()
        .taskAssigneeExpression(CURRENT_USER)
        .taskCandidateUserExpression(CURRENT_USER)
        .taskCandidateGroupInExpression(CURRENT_USER_GROUPS)
        .includeAssignedTasks()
        .endOr();
  }
}
