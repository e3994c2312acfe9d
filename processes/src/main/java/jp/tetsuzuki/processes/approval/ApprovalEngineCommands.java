package jp.tetsuzuki.processes.approval;

import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Engine operations behind the approval API, run as the platform once {@link ApprovalService} or
 * {@link SubstituteService} has decided that the caller may do them (staff hold no engine permission to correlate
 * messages or change candidate users).
 */
@Component
class ApprovalEngineCommands {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final ApprovalService approvals;

  ApprovalEngineCommands(RuntimeService runtime, TaskService tasks, IdentityService identity,
      AuthorizationService authorizations, ApprovalService approvals) {
    this.approvals = approvals;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.authorizations = authorizations;
  }

  /** Sends {@code approvalWithdrawn} to the route. */
  void withdraw(String processInstanceId, String originator, String comment) {
    AsPlatform.call(identity, () -> runtime.createMessageCorrelation(ApprovalRoute.MSG_WITHDRAWN)
        .processInstanceId(processInstanceId)
        .setVariable(ApprovalRoute.WITHDRAWN_BY, originator)
        .setVariable(ApprovalRoute.COMMENT, comment)
        .correlateWithResult());
  }

  /**
   * A new substitute sees the principal's open approval tasks of the tenant at once, except on a route they may not
   * act on (they drafted it, hold or acted on another of its steps: A14).
   */
  void linkSubstitute(Substitute s) {
    AsPlatform.call(identity, () -> {
      for (Task task : openTasksOf(s)) {
        if (approvals.mayStandIn(task.getProcessInstanceId(), s.principal(), s.substitute())) {
          tasks.addCandidateUser(task.getId(), s.substitute());
        }
      }
      return null;
    });
  }

  void unlinkSubstitute(Substitute s) {
    AsPlatform.call(identity, () -> {
      for (Task task : openTasksOf(s)) {
        tasks.deleteCandidateUser(task.getId(), s.substitute());
        // the engine granted the candidate a task authorization it does not take back with the link
        authorizations.createAuthorizationQuery().userIdIn(s.substitute()).resourceType(Resources.TASK)
            .resourceId(task.getId()).list()
            .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
      }
      return null;
    });
  }

  private java.util.List<Task> openTasksOf(Substitute s) {
    return tasks.createTaskQuery().tenantIdIn(s.tenantId()).taskAssignee(s.principal())
        .processDefinitionKey(ApprovalRoute.ID).listPage(0, 1000);
  }

}
