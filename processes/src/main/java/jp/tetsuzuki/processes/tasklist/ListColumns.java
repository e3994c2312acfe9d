package jp.tetsuzuki.processes.tasklist;

import java.util.List;
import java.util.Objects;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The case columns of the Tasklist's lists (applicant, procedure, due date) as task-local copies of the case's
 * variables. The Tasklist reads list variables with a variable query, which shows staff only what their task grant
 * covers: the task's own variables, not the process instance's (staff hold no grant on cases, least privilege). So
 * every user task copies them when it is created and again when it changes (claim, new due date); the values are
 * those its form shows anyway. Runs for every model, whoever deployed it (a built-in listener).
 */
final class ListColumns extends AbstractBpmnParseListener implements TaskListener {

  /** Case variables copied onto each task; {@link TasklistFilters#LIST_VARIABLES} shows them and the task's 件名. */
  static final List<String> COPIED = List.of(AdministrativeProcedure.APPLICANT_NAME,
      AdministrativeProcedure.PROCEDURE_NAME, AdministrativeProcedure.DUE_DATE);

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      userTask.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_CREATE, this);
      userTask.getTaskDefinition().addBuiltInTaskListener(EVENTNAME_UPDATE, this);
    }
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    for (String name : COPIED) {
      Object value = task.getExecution().getVariable(name);
      if (AdministrativeProcedure.DUE_DATE.equals(name) && task.getDueDate() != null) {
        // a task with a due date of its own (e.g. the legacy entry after the decision) lists that one
        value = task.getDueDate().toInstant().atZone(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).toLocalDate()
            .toString();
      }
      if (value != null && !Objects.equals(value, task.getVariableLocal(name))) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
