package jp.tetsuzuki.processes.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tetsuzuki.bpmn.DocumentVariables;
import jp.tetsuzuki.processes.identity.AsPlatform;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Which document a person may see beside a task (the staff document view): the document the open task names
 * ({@code documentId} on its scope), when the task's case links it ({@link CaseDocuments}, from the case's own
 * tables), the document belongs to the task's tenant, and the caller is the task's assignee, a candidate of an
 * unassigned task (named, or through a group), or a supervisor of the task's tenant ({@code <tenant>-supervisors}).
 * Anything else is "no such document": the caller learns nothing about other tasks, cases or tenants.
 */
public final class StaffTaskDocuments {

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final DocumentStore store;
  private final Map<String, CaseDocuments> cases;
  private final Function<String, String> processKeyOfDefinition;

  public StaffTaskDocuments(TaskService tasks, RuntimeService runtime, IdentityService identity, DocumentStore store,
      List<CaseDocuments> cases, Function<String, String> processKeyOfDefinition) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.store = store;
    this.cases = cases.stream().collect(Collectors.toMap(CaseDocuments::processDefinitionKey, c -> c));
    this.processKeyOfDefinition = processKeyOfDefinition;
  }

  /** The document, if {@code userId} may see it beside task {@code taskId}; empty otherwise. */
  public Optional<StoredFile> visible(String userId, String taskId, String documentId) {
    if (userId == null || taskId == null || documentId == null) {
      return Optional.empty();
    }
    // our own checks decide below; the engine queries run as the platform (staff hold no grant on cases)
    return AsPlatform.call(identity, () -> {
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getTenantId() == null || task.getProcessInstanceId() == null) {
        return Optional.<StoredFile>empty();
      }
      if (!mayWork(userId, task)) {
        return Optional.<StoredFile>empty();
      }
      Object named = runtime.getVariable(task.getExecutionId(), DocumentVariables.DOCUMENT_ID);
      if (!documentId.equals(named)) {
        return Optional.<StoredFile>empty();
      }
      ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .singleResult();
      CaseDocuments family = pi == null ? null : cases.get(processKeyOfDefinition.apply(pi.getProcessDefinitionId()));
      if (family == null || !family.links(task.getTenantId(), pi.getBusinessKey(), pi.getId(), documentId)) {
        return Optional.<StoredFile>empty();
      }
      return store.find(documentId).filter(f -> task.getTenantId().equals(f.tenantId()));
    });
  }

  private boolean mayWork(String userId, Task task) {
    String tenant = task.getTenantId();
    boolean member = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).tenantId(tenant)
        .count() > 0;
    if (!member) {
      return false;
    }
    Set<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
    if (groups.contains(tenant + "-supervisors")) {
      return true;
    }
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(userId);
    }
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
        continue;
      }
      if (userId.equals(link.getUserId()) || link.getGroupId() != null && groups.contains(link.getGroupId())) {
        return true;
      }
    }
    return false;
  }

  /** The key of a process definition (for {@link #StaffTaskDocuments}'s last argument). */
  public static String keyOf(ProcessDefinition definition) {
    return definition == null ? null : definition.getKey();
  }
}
