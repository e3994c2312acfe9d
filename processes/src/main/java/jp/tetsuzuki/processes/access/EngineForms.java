package jp.tetsuzuki.processes.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import jp.tetsuzuki.processes.identity.AsPlatform;
import jp.tetsuzuki.processes.identity.IdentityDirectory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The deployed forms of tasks and start events, read by the platform (the caller's rights are checked later). */
@Component
class EngineForms {

  /** What the edge knows about the target of a completion or a start. */
  sealed interface Target permits Unknown, WithoutForm, WithForm {}

  /** The task or definition does not exist (the engine answers 404 itself). */
  record Unknown() implements Target {}

  /** It exists but has no Camunda Form. */
  record WithoutForm() implements Target {}

  record WithForm(FormFields fields) implements Target {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormService forms;
  private final TaskService tasks;
  private final RepositoryService repository;
  private final IdentityService identity;
  private final IdentityDirectory directory;
  private final ExternalTaskService externalTasks;

  EngineForms(FormService forms, TaskService tasks, RepositoryService repository, IdentityService identity,
      IdentityDirectory directory, ExternalTaskService externalTasks) {
    this.externalTasks = externalTasks;
    this.forms = forms;
    this.tasks = tasks;
    this.repository = repository;
    this.identity = identity;
    this.directory = directory;
  }

  Target ofTask(String taskId) {
    return AsPlatform.call(identity, () -> {
      var task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return new Unknown();
      }
      if (task.getCamundaFormRef() == null) {
        return new WithoutForm();
      }
      return read(() -> forms.getDeployedTaskForm(taskId));
    });
  }

  /** The topic of an external task (one look-up by id), empty when there is no such task. */
  Optional<String> topicOfExternalTask(String externalTaskId) {
    return AsPlatform.call(identity, () -> Optional.ofNullable(externalTasks.createExternalTaskQuery()
        .externalTaskId(externalTaskId).singleResult()).map(t -> t.getTopicName()));
  }

  /**
   * The variables the task's Camunda Form shows ({@link FormVariableNames}); empty for a task without one; {@code null}
   * when there is no such task.
   */
  java.util.Set<String> variablesShownByTask(String taskId) {
    return AsPlatform.call(identity, () -> {
      var task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
      if (task == null) {
        return null;
      }
      if (task.getCamundaFormRef() == null) {
        return java.util.Set.<String>of();
      }
      try (InputStream in = forms.getDeployedTaskForm(taskId)) {
        return FormVariableNames.of(JSON.readTree(in));
      } catch (BadUserRequestException e) {
        return java.util.Set.<String>of();
      } catch (IOException | ProcessEngineException e) {
        throw new IllegalStateException("form not readable: " + e.getMessage(), e);
      }
    });
  }

  /** The roles of a user by their groups (read by the platform: used before the user is logged in). */
  java.util.Set<Role> rolesOf(String userId) {
    return AsPlatform.call(identity, () -> Role.of(directory.groupIdsOf(userId)));
  }

  /** The task's assignee ({@code Optional.empty()} when unassigned), or {@code null} when there is no such task. */
  Optional<String> assigneeOf(String taskId) {
    return AsPlatform.call(identity, () -> {
      var task = tasks.createTaskQuery().taskId(taskId).singleResult();
      return task == null ? null : Optional.ofNullable(task.getAssignee());
    });
  }

  /**
   * Whether {@code userId} may work the task (README Roles: staff and supervisors work tasks they are candidates or
   * assignees of): a candidate user, a member of a candidate group, or the assignee; a task without candidate links
   * is worked by its assignee only. {@code null} when there is no such task.
   */
  Boolean mayWork(String taskId, String userId) {
    return AsPlatform.call(identity, () -> {
      var task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return null;
      }
      if (userId == null || userId.isBlank()) {
        return false;
      }
      if (userId.equals(task.getAssignee())) {
        return true;
      }
      java.util.Set<String> groups = null;
      for (var link : tasks.getIdentityLinksForTask(taskId)) {
        if (!org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType())) {
          continue;
        }
        if (userId.equals(link.getUserId())) {
          return true;
        }
        if (link.getGroupId() != null) {
          if (groups == null) {
            groups = directory.groupIdsOf(userId);
          }
          if (groups.contains(link.getGroupId())) {
            return true;
          }
        }
      }
      return false;
    });
  }

  /**
   * The fields of a task that {@code PUT task/{id}} rewrites and a supervisor may not change (name, description,
   * owner, parent task, case instance, tenant, delegation state), as the engine holds them; {@code null} when there is
   * no such task.
   */
  java.util.Map<String, String> fixedFieldsOf(String taskId) {
    return AsPlatform.call(identity, () -> {
      var task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return null;
      }
      java.util.Map<String, String> fixed = new java.util.LinkedHashMap<>();
      fixed.put("name", task.getName());
      fixed.put("description", task.getDescription());
      fixed.put("owner", task.getOwner());
      fixed.put("parentTaskId", task.getParentTaskId());
      fixed.put("caseInstanceId", task.getCaseInstanceId());
      fixed.put("tenantId", task.getTenantId());
      fixed.put("delegationState", task.getDelegationState() == null ? null : task.getDelegationState().name());
      return fixed;
    });
  }

  /**
   * The due date of a task whose process model sets it ({@code camunda:dueDate}: a legal deadline such as the
   * 標準処理期間, the 検査 or the payment due day, or a 決裁 step's deadline), as the engine holds it; empty when the
   * model leaves the due date to people; {@code null} when there is no such task.
   */
  Optional<java.util.Date> modelDueOf(String taskId) {
    return AsPlatform.call(identity, () -> {
      var task = tasks.createTaskQuery().taskId(taskId).singleResult();
      if (task == null) {
        return null;
      }
      if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
        return Optional.empty();
      }
      var element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
          .getModelElementById(task.getTaskDefinitionKey());
      return element instanceof org.camunda.bpm.model.bpmn.instance.UserTask userTask
          && userTask.getCamundaDueDate() != null && task.getDueDate() != null
          ? Optional.of(task.getDueDate()) : Optional.empty();
    });
  }

  /** @param definition the path's definition part: an id, or {@code key/K} or {@code key/K/tenant-id/T} */
  Target ofStart(String definition) {
    return AsPlatform.call(identity, () -> {
      Optional<ProcessDefinition> found = resolve(definition);
      if (found.isEmpty()) {
        return new Unknown();
      }
      // a Camunda Form bound with camunda:formRef is not a "start form key": ask for the deployed form itself
      return read(() -> forms.getDeployedStartForm(found.get().getId()));
    });
  }

  private Optional<ProcessDefinition> resolve(String definition) {
    if (!definition.startsWith("key/")) {
      return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionId(definition)
          .singleResult());
    }
    String[] parts = definition.split("/");
    var query = repository.createProcessDefinitionQuery().processDefinitionKey(parts[1]).latestVersion();
    if (parts.length >= 4) {
      return Optional.ofNullable(query.tenantIdIn(parts[3]).singleResult());
    }
    // without tenant-id the engine starts the shared definition (or fails if only tenant ones exist)
    ProcessDefinition shared = query.withoutTenantId().singleResult();
    return shared != null ? Optional.of(shared) : repository.createProcessDefinitionQuery()
        .processDefinitionKey(parts[1]).latestVersion().list().stream().findFirst();
  }

  private static Target read(java.util.function.Supplier<InputStream> form) {
    try (InputStream in = form.get()) {
      return new WithForm(FormFields.of(JSON.readTree(in)));
    } catch (BadUserRequestException e) {
      // no form, or a form key that is not a Camunda Form (embedded or external form): no field list to go by
      return new WithoutForm();
    } catch (IOException | ProcessEngineException e) {
      throw new IllegalStateException("form not readable: " + e.getMessage(), e);
    }
  }
}
