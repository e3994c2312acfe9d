package jp.tetsuzuki.processes.access;

import java.util.Set;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine-level half of case integrity: commands that move a case past its steps or change what its steps
 * decided on are an administrator's repair. Camunda needs only CREATE_INSTANCE / UPDATE_INSTANCE for most of them
 * (STACK.md), which ordinary roles must hold to do their work, so the check is on the command itself: for an
 * authenticated caller outside {@code camunda-admin} it is refused, whichever API sent it (engine REST, the webapps'
 * engine API, Java). The platform's own work (job executor, our glue acting through {@code AsPlatform}) runs
 * without an authenticated user and is not affected. Repairs by administrators are logged (and in Camunda's user
 * operation log).
 */
public final class CaseRepairGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRepairGuard.class);

  /**
   * Simple class names of the guarded commands (some live in internal packages that move between versions): start
   * before/after an activity, instance modification (sync, async, batch), restart, migration, manual job execution
   * and due-date changes, retries, message and signal correlation by hand, variable writes outside task and start
   * forms, suspension.
   */
  static final Set<String> REPAIRS = Set.of(
      "StartProcessInstanceAtActivitiesCmd",
      "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd", "ProcessInstanceModificationCmd",
      "ProcessInstanceModificationBatchCmd", "ActivityInstanceCancellationCmd", "TransitionInstanceCancellationCmd",
      "RestartProcessInstancesCmd", "RestartProcessInstancesBatchCmd",
      "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd", "SetProcessDefinitionVersionCmd",
      "ExecuteJobsCmd", "SetJobDuedateCmd", "RecalculateJobDuedateCmd", "SetJobRetriesCmd",
      "SetJobsRetriesBatchCmd", "SetExternalTaskRetriesCmd", "SetExternalTasksRetriesBatchCmd",
      "CorrelateMessageCmd", "CorrelateAllMessageCmd", "CorrelateAllMessageBatchCmd", "MessageEventReceivedCmd",
      "SignalCmd", "SignalEventReceivedCmd",
      "SetExecutionVariablesCmd", "RemoveExecutionVariablesCmd", "PatchExecutionVariablesCmd",
      "SetTaskVariablesCmd", "RemoveTaskVariablesCmd", "PatchTaskVariablesCmd", "SetVariablesToProcessInstancesBatchCmd");

  private final IdentityService identity;

  public CaseRepairGuard(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public <T> T execute(Command<T> command) {
    String name = command.getClass().getSimpleName();
    if (REPAIRS.contains(name) || (name.startsWith("Update") && name.contains("Suspen"))) {
      Authentication caller = identity.getCurrentAuthentication();
      if (caller != null && caller.getUserId() != null) {
        if (caller.getGroupIds() == null || !caller.getGroupIds().contains(Roles.ADMINISTRATORS)) {
          // the staff-facing message first (the webapps show it), then English for API clients and logs
          throw new AuthorizationException("この操作（案件の手順を飛ばす・変更する修復操作）は管理者だけが行えます。 / '"
              + caller.getUserId() + "' may not run " + name + ": starting or moving a case past its steps, "
              + "executing its jobs or changing its variables by hand is an administrator's repair");
        }
        LOG.warn("case repair by administrator {}: {}", caller.getUserId(), name);
      }
    }
    return next.execute(command);
  }
}
