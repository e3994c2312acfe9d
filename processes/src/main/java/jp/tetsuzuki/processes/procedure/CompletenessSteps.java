package jp.tetsuzuki.processes.procedure;

import static jp.tetsuzuki.bpmn.AdministrativeProcedure.*;

import java.time.Instant;
import java.util.ArrayList;
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
    List<CompletenessCheck.Refused> refused = store.inspections(application.id()).stream()
        .filter(i -> ApplicationStore.INSPECTION_REFUSED.equals(i.inspection()))
        .map(i -> new CompletenessCheck.Refused(i.documentId(), i.kind(), i.fileName(), i.note())).toList();
    List<String> problems = new ArrayList<>(CompletenessCheck.problems(cases.procedureOf(application),
        documents, ProcedureActivities.readData(application.dataJson()), paper, refused));
    // every attached file has been inspected before this step; one that was not is never taken as complete
    store.inspections(application.id()).stream().filter(i -> i.inspection() == null)
        .forEach(i -> problems.add(EventTexts.text("completeness.uninspected",
            i.fileName() == null ? i.documentId() : i.fileName(), i.kind())));
    execution.setVariable(COMPLETE, problems.isEmpty());
    execution.setVariable(MISSING_ITEMS, String.join("\n", problems));
    execution.setVariable("attachments", documents.stream().map(CompletenessCheck.Attached::documentId)
        .collect(Collectors.joining(",")));
    store.event(application.id(), "completeness-checked", problems.isEmpty() ? EventTexts.text("completeness.ok")
        : EventTexts.text("completeness.problems", String.join("", problems)), null, now);
  }
}
