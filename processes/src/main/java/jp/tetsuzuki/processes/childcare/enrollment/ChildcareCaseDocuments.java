package jp.tetsuzuki.processes.childcare.enrollment;

import jp.tetsuzuki.bpmn.ChildcareEnrollment;
import jp.tetsuzuki.processes.document.CaseDocuments;
import org.springframework.stereotype.Component;

/** The staff document view may show a document attached to the application of a childcare-enrollment case. */
@Component
class ChildcareCaseDocuments implements CaseDocuments {

  private final ChildcareStore store;

  ChildcareCaseDocuments(ChildcareStore store) {
    this.store = store;
  }

  @Override
  public String processDefinitionKey() {
    return ChildcareEnrollment.ID;
  }

  @Override
  public boolean links(String tenantId, String businessKey, String processInstanceId, String documentId) {
    return businessKey != null && store.find(businessKey)
        .filter(a -> a.tenantId().equals(tenantId) && processInstanceId.equals(a.processInstanceId()))
        .map(a -> store.documents(a.id()).stream().anyMatch(d -> d.documentId().equals(documentId)))
        .orElse(false);
  }
}
