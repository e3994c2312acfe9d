package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.APPLICATION_ID;

import java.time.Instant;
import jp.tetsuzuki.bpmn.ApplicantNotice;
import jp.tetsuzuki.processes.engine.RunningModel;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * What every step of the procedure's glue does first: find the application this very case handles, in this case's
 * tenant, and its procedure as it arrived. Shared by the step delegates; the engine's clock is their time.
 */
final class CaseRecords {

  private final ProcedureCatalog catalog;
  private final ApplicationStore store;

  CaseRecords(ProcedureCatalog catalog, ApplicationStore store) {
    this.catalog = catalog;
    this.store = store;
  }

  ApplicationStore store() {
    return store;
  }

  /**
   * The application this very case handles: linked to this process instance (by 到達) and of its tenant. A step
   * reached without 到達 (a start at a later activity, a moved token) or pointed at another application by a
   * variable stops here instead of acting on somebody else's record.
   */
  ApplicationRecord linked(DelegateExecution execution) {
    ProcedureActivities.requireOwnModel(execution);
    return linkedTo(execution, execution.getProcessInstanceId());
  }

  /**
   * For {@code applicant-notice}: the application of the case that called this notice, which must be the super
   * process instance of this one (a notice started on its own, or by another model, reaches nobody).
   */
  ApplicationRecord linkedFromNotice(DelegateExecution execution) {
    String key = RunningModel.keyOf(execution);
    if (!ApplicantNotice.ID.equals(key)) {
      throw new AuthorizationException("この処理は申請者への通知モデルからだけ呼び出せます。 / the notice glue runs only in model '"
          + ApplicantNotice.ID + "', not in '" + key + "'");
    }
    ExecutionEntity caller = execution instanceof ExecutionEntity entity
        ? entity.getProcessInstance().getSuperExecution() : null;
    if (caller == null || !jp.tetsuzuki.bpmn.AdministrativeProcedure.ID.equals(RunningModel.keyOf(caller))) {
      throw new AuthorizationException("通知は行政手続の案件からだけ送れます。 / a notice must be called by a case of '"
          + jp.tetsuzuki.bpmn.AdministrativeProcedure.ID + "'");
    }
    return linkedTo(execution, caller.getProcessInstanceId());
  }

  private ApplicationRecord linkedTo(DelegateExecution execution, String caseInstanceId) {
    Object value = execution.getVariable(APPLICATION_ID);
    String id = value instanceof String s ? s : null;
    ApplicationRecord application = id == null ? null : store.find(id).orElse(null);
    if (application == null || !caseInstanceId.equals(application.processInstanceId())
        || !application.tenantId().equals(execution.getTenantId())) {
      throw new AuthorizationException(EventTexts.text("not-this-case", id) + " / application " + id
          + " is not the application of case " + caseInstanceId + " in tenant " + execution.getTenantId());
    }
    return application;
  }

  Procedure procedureOf(ApplicationRecord application) {
    return catalog.find(application.procedureCode(), application.procedureVersion()).orElseThrow(
        () -> new ProcessEngineException("procedure " + application.procedureCode() + " is no longer in the catalog"));
  }

  /** The lifecycle's answer, as the engine reports a refused step: the transaction rolls back. */
  static ApplicationLifecycle.State after(ApplicationRecord application, ApplicationLifecycle.Step step,
      String outcome) {
    try {
      return ApplicationLifecycle.after(application, step, outcome);
    } catch (ApplicationLifecycle.NotAllowedException e) {
      if (step == ApplicationLifecycle.Step.DECIDE) {
        throw new AuthorizationException(EventTexts.text("not-decided", application.id(), application.stage())
            + " / application " + application.id() + " has not been through review and decision (stage "
            + application.stage() + ")");
      }
      throw new AuthorizationException(EventTexts.text("step-not-allowed", application.id(), application.stage())
          + " / " + e.getMessage());
    }
  }

  static ApplicationLifecycle.State after(ApplicationRecord application, ApplicationLifecycle.Step step) {
    return after(application, step, null);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
