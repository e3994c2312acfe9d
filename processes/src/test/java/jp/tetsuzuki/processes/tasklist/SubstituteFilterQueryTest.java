package jp.tetsuzuki.processes.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.tetsuzuki.processes.support.TestEngines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 代理で決裁できるタスク on a real in-memory engine: tasks somebody else holds that the user may act on as a registered
 * substitute or as the superior an approval was escalated to (both: the user is a candidate by name). The engine's
 * candidate-user query also matches the user's groups; a task that is only offered to a group of the user (a review
 * escalated to the supervisors' group, a colleague's claimed group task) is no substitute task.
 */
class SubstituteFilterQueryTest {

  static ProcessEngine engine;
  static TaskService tasks;
  static String filterId;

  @BeforeAll
  static void engine() {
    engine = TestEngines.configuration("substitute-filter", "jdbc:h2:mem:substitute-filter-"
        + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").buildProcessEngine();
    tasks = engine.getTaskService();
    var identity = engine.getIdentityService();
    for (String user : List.of("kacho-ku", "bucho-ku", "staff-ku", "supervisor-ku")) {
      identity.saveUser(identity.newUser(user));
    }
    identity.saveGroup(identity.newGroup("demo-ku-supervisors"));
    identity.createMembership("supervisor-ku", "demo-ku-supervisors");
    identity.createMembership("bucho-ku", "demo-ku-supervisors");
    identity.saveGroup(identity.newGroup("demo-ku-doro"));
    identity.createMembership("staff-ku", "demo-ku-doro");
    task("approval-with-substitute", "kacho-ku", "bucho-ku", null);
    task("approval-escalated-to-superior", "kacho-ku", "supervisor-ku", null);
    task("review-escalated-to-supervisors", "staff-ku", null, "demo-ku-supervisors");
    task("unassigned-substitute-offer", null, "bucho-ku", null);
    task("own-claimed-group-task", "staff-ku", null, "demo-ku-doro");
    Task delegated = tasks.newTask();
    delegated.setName("own-group-task-delegated-to-kacho");
    delegated.setTenantId("demo-ku");
    delegated.setOwner("staff-ku");
    delegated.setAssignee("kacho-ku");
    tasks.saveTask(delegated);
    tasks.addCandidateGroup(delegated.getId(), "demo-ku-doro");
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private static void task(String name, String assignee, String candidateUser, String candidateGroup) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setTenantId("demo-ku");
    task.setAssignee(assignee);
    tasks.saveTask(task);
    if (candidateUser != null) {
      tasks.addCandidateUser(task.getId(), candidateUser);
    }
    if (candidateGroup != null) {
      tasks.addCandidateGroup(task.getId(), candidateGroup);
    }
  }

  /** The filter as the Tasklist runs it: stored, its expressions evaluated for the logged-in user. */
  private static List<String> substituteTasksOf(String user, List<String> groups) {
    var filters = engine.getFilterService();
    if (filterId == null) {
      var filter = filters.newTaskFilter("代理で決裁できるタスク").setOwner("admin")
          .setQuery(FilterKind.SUBSTITUTE.query(tasks, "demo-ku", Instant.now()));
      filterId = filters.saveFilter(filter).getId();
    }
    engine.getIdentityService().setAuthentication(user, groups, List.of("demo-ku"));
    try {
      return filters.<Task>list(filterId).stream().map(Task::getName).sorted().toList();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void aSubstituteSeesTheApprovalsOfThoseTheyStandInForNotTheTasksOfTheirGroups() {
    assertThat(substituteTasksOf("bucho-ku", List.of("demo-ku-supervisors")))
        .containsExactly("approval-with-substitute");
  }

  @Test
  void aSuperiorSeesTheApprovalEscalatedToThemButNotAReviewEscalatedToTheirGroup() {
    assertThat(substituteTasksOf("supervisor-ku", List.of("demo-ku-supervisors")))
        .containsExactly("approval-escalated-to-superior");
  }

  @Test
  void onesOwnClaimedOrDelegatedGroupTaskIsNoSubstituteTask() {
    // review finding: 代理 listed the user's own claimed group tasks (the involved-user match takes the assignee)
    assertThat(substituteTasksOf("staff-ku", List.of("demo-ku-doro"))).isEmpty();
  }

  @Test
  void theHolderOfATaskDoesNotSeeItAsASubstitute() {
    assertThat(substituteTasksOf("kacho-ku", List.of())).isEmpty();
    assertThat(substituteTasksOf("staff-ku", List.of())).isEmpty();
  }
}
