package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** 形式審査: {@code ${completenessSteps.checkCompleteness(execution)}}. */
public class CompletenessSteps {

  private final CaseRecords cases;

  CompletenessSteps(CaseRecords cases) {
    this.cases = cases;
  }

  public void checkCompleteness(DelegateExecution execution) {
    Instant now = CaseRecords.now();
    ApplicationRecord application = cases.linked(execution);
    ApplicationLifecycle.State state = CaseRecords.after(application, ApplicationLifecycle.Step.CHECK_COMPLETENESS);
    ApplicationStore store = cases.store();
    store.stage(application.id(), state.status(), state.stage(), now);
    boolean paper = Boolean.TRUE.equals(execution.getVariable(PAPER_DOCUMENTS_RECEIVED));
    List<CompletenessCheck.Attached> documents = store.documents(application.id());
    List<CompletenessCheck.Inspection> inspections = store.inspections(application.id()).stream()
        .map(i -> new CompletenessCheck.Inspection(i.documentId(), i.kind(), i.fileName(), outcome(i.inspection()),
            i.note())).toList();
    List<String> problems = CompletenessCheck.problems(cases.procedureOf(application), documents,
        ProcedureActivities.readData(application.dataJson()), paper, inspections);
    execution.setVariable(COMPLETE, problems.isEmpty());
    execution.setVariable(MISSING_ITEMS, String.join("\n", problems));
    execution.setVariable("attachments", documents.stream().map(CompletenessCheck.Attached::documentId)
        .collect(Collectors.joining(",")));
    // what the 決裁 shows: each document's kind and file name, not only its id
    execution.setVariable(jp.tetsuzuki.bpmn.AdministrativeProcedure.ATTACHMENTS_DESCRIPTION,
        AttachmentList.plain(cases.procedureOf(application), store.inspections(application.id())));
    store.event(application.id(), "completeness-checked", problems.isEmpty() ? EventTexts.text("completeness.ok")
        : EventTexts.text("completeness.problems", String.join("", problems)), null, now);
  }

  private static CompletenessCheck.Outcome outcome(String inspection) {
    if (inspection == null) {
      return CompletenessCheck.Outcome.UNINSPECTED;
    }
    return switch (inspection) {
      case ApplicationStore.INSPECTION_ACCEPTED -> CompletenessCheck.Outcome.ACCEPTED;
      case ApplicationStore.INSPECTION_REFUSED -> CompletenessCheck.Outcome.REFUSED;
      case ApplicationStore.INSPECTION_TRANSCRIBED -> CompletenessCheck.Outcome.TRANSCRIBED;
      default -> throw new IllegalStateException("unknown inspection outcome " + inspection);
    };
  }
}
