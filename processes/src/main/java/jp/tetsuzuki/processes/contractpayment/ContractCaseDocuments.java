package jp.tetsuzuki.processes.contractpayment;

import jp.tetsuzuki.bpmn.ContractPayment;
import jp.tetsuzuki.processes.document.CaseDocuments;
import org.springframework.stereotype.Component;

/** The staff document view may show the scan of a PDF or image invoice of a contract-payment case. */
@Component
class ContractCaseDocuments implements CaseDocuments {

  private final ContractCaseStore store;

  ContractCaseDocuments(ContractCaseStore store) {
    this.store = store;
  }

  @Override
  public String processDefinitionKey() {
    return ContractPayment.ID;
  }

  @Override
  public boolean links(String tenantId, String businessKey, String processInstanceId, String documentId) {
    return businessKey != null && store.find(tenantId, businessKey)
        .filter(c -> processInstanceId.equals(c.processInstanceId()))
        .map(c -> store.hasScan(tenantId, businessKey, documentId)).orElse(false);
  }
}
