package jp.tetsuzuki.processes.document;

/**
 * Whether a case links a document, asked by the staff document view for the case of a task: each process family that
 * shows scans in its forms answers for its own cases from its own tables (never from a variable a task could set).
 */
public interface CaseDocuments {

  /** The process definition key whose cases this answers for. */
  String processDefinitionKey();

  /**
   * @param tenantId          the task's tenant
   * @param businessKey       the case's business key (the record id)
   * @param processInstanceId the case's process instance
   * @return whether that case, in that tenant and of that process instance, links the document
   */
  boolean links(String tenantId, String businessKey, String processInstanceId, String documentId);
}
