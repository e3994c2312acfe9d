package jp.tetsuzuki.processes.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.calendar.OfficeCalendar;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import jp.tetsuzuki.processes.identity.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9: every tenant's Tasklist filters, as staff use them over the engine REST (the Tasklist calls the same
 * endpoints): Japanese names, only the own municipality's filters and tasks, the case's applicant, procedure and
 * due date in the list, and "due within 3 open days" that follows the office calendar as days pass.
 */
@PlatformTest
class TasklistFiltersHttpTest {

  private static final String STAFF_GROUP = "demo-ku-doro";

  @LocalServerPort int port;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired TenantCalendars calendars;
  @Autowired AuthorizationService authorizations;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  private final List<String> created = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    created.forEach(id -> tasks.deleteTask(id, true));
    created.clear();
    tasklistFilters.synchronizeOn(LocalDate.now(JapanTime.ZONE));
  }

  @Test
  void everyTenantHasItsFiveJapaneseFiltersWithTheCaseColumns() {
    for (String tenant : List.of("demo-ku", "demo-shi")) {
      List<Filter> own = filtersOf(tenant);
      assertThat(own).extracting(Filter::getName).containsExactlyInAnyOrder(
          "自分のタスク（" + name(tenant) + "）", "グループのタスク（" + name(tenant) + "）",
          "期限が近いタスク（" + name(tenant) + "）", "期限切れのタスク（" + name(tenant) + "）",
          "代理で決裁できるタスク（" + name(tenant) + "）");
      for (Filter filter : own) {
        assertThat(filter.getProperties().get("variables").toString())
            .contains("applicantName", "申請者", "procedureName", "手続", "dueDate", "処理期限");
      }
    }
    // once only, however often it runs
    tasklistFilters.synchronizeOn(LocalDate.now(JapanTime.ZONE));
    assertThat(filtersOf("demo-ku")).hasSize(FilterKind.values().length);
  }

  @Test
  void staffSeeOnlyTheirMunicipalitysFiltersAndTasks() {
    String ku = task("demo-ku", "デモ区の申請者", Instant.now().plusSeconds(30 * 86_400));
    String shi = task("demo-shi", "デモ市の申請者", Instant.now().plusSeconds(30 * 86_400));
    tasks.addCandidateGroup(shi, "demo-shi-doro");

    Http staffKu = Http.as("staff-ku", port);
    JsonNode visible = staffKu.get("/engine-rest/filter?resourceType=Task&maxResults=100").json();
    List<String> names = new ArrayList<>();
    visible.forEach(f -> names.add(f.get("name").asText()));
    assertThat(names).hasSize(FilterKind.values().length).allMatch(n -> n.endsWith("（デモ区）"));

    String shiGroupFilter = id("demo-shi", FilterKind.GROUP);
    assertThat(staffKu.get("/engine-rest/filter/" + shiGroupFilter).status()).isIn(403, 404);
    assertThat(staffKu.postJson("/engine-rest/filter/" + shiGroupFilter + "/list", Map.of()).status())
        .isIn(403, 404);

    // the own group filter lists the case with its applicant, procedure and due date
    JsonNode list = staffKu.header("Accept", "application/hal+json")
        .postJson("/engine-rest/filter/" + id("demo-ku", FilterKind.GROUP) + "/list?maxResults=2000",
            Map.of()).json();
    assertThat(taskIds(list)).contains(ku).doesNotContain(shi);
    assertThat(list.toString()).contains("デモ区の申請者", "道路占用許可申請", "2099-01-01").doesNotContain("デモ市の申請者");

    // the engine's tenant check, not only the filter's tenant condition: a filter over all tenants shown to
    // staff of デモ区 lists no task of デモ市
    Filter everything = filters.newTaskFilter("全テナント（テスト）").setQuery(tasks.createTaskQuery()
        .taskCandidateGroupInExpression(FilterKind.CURRENT_USER_GROUPS));
    filters.saveFilter(everything);
    try {
      Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      read.setResource(Resources.FILTER);
      read.setResourceId(everything.getId());
      read.setGroupId(Roles.STAFF);
      read.addPermission(Permissions.READ);
      authorizations.saveAuthorization(read);
      tasks.addCandidateGroup(shi, STAFF_GROUP); // a group staff-ku is in, on a task of the other tenant
      String all = "/engine-rest/filter/" + everything.getId() + "/list?maxResults=2000";
      assertThat(taskIds(staffKu.postJson(all, Map.of()).json())).contains(ku).doesNotContain(shi);
      // supervisors may read every task of their tenant, still none of the other tenant
      assertThat(taskIds(Http.as("supervisor-ku", port).postJson(all, Map.of()).json())).contains(ku)
          .doesNotContain(shi);
    } finally {
      filters.deleteFilter(everything.getId());
    }
  }

  @Test
  void aCasesTaskShowsItsApplicantProcedureAndDueDateToStaffWhoHoldNoGrantOnTheCase() {
    String key = "tz-columns-" + UUID.randomUUID().toString().substring(0, 8);
    String deployment = repository.createDeployment().addString(key + ".bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Columns" targetNamespace="https://tetsuzuki.jp/bpmn">
          <bpmn:process id="%s" name="行政手続" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:startEvent id="Event_Started"/>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Event_Started" targetRef="Task_Review"/>
            <bpmn:userTask id="Task_Review" name="審査する" camunda:candidateGroups="%s"
                camunda:formRef="connectivity-check-confirm" camunda:formRefBinding="latest"/>
            <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Review" targetRef="Event_Done"/>
            <bpmn:endEvent id="Event_Done"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, STAFF_GROUP)).deploy().getId();
    try {
      runtime.startProcessInstanceByKey(key, Map.of("tenantId", "demo-ku", "applicantName", "列表示株式会社",
          "procedureName", "道路占用許可申請", "dueDate", "2027-01-29"));
      JsonNode list = Http.as("staff-ku", port).header("Accept", "application/hal+json")
          .postJson("/engine-rest/filter/" + id("demo-ku", FilterKind.GROUP) + "/list?maxResults=2000", Map.of())
          .json();
      // the process instance's variables are not readable for staff; the task's copies are
      JsonNode task = null;
      for (JsonNode t : list.get("_embedded").get("task")) {
        if (t.get("processDefinitionId").asText().startsWith(key + ":")) {
          task = t;
        }
      }
      assertThat(task).as(list.toString()).isNotNull();
      assertThat(task.get("_embedded").get("variable").toString())
          .contains("列表示株式会社", "道路占用許可申請", "2027-01-29");
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void dueWithinThreeOpenDaysFollowsTheOfficeCalendarAsDaysPass() {
    LocalDate today = LocalDate.now(JapanTime.ZONE);
    OfficeCalendar calendar = calendars.of("demo-ku");
    String third = task("demo-ku", "三開庁日後", at17(calendar.addOpenDays(today, 3)));
    String fourth = task("demo-ku", "四開庁日後", at17(calendar.addOpenDays(today, 4)));
    String overdue = task("demo-ku", "期限切れ", Instant.now().minusSeconds(3600));
    Http staffKu = Http.as("staff-ku", port);
    String dueSoon = "/engine-rest/filter/" + id("demo-ku", FilterKind.DUE_SOON) + "/list?maxResults=2000";
    String late = "/engine-rest/filter/" + id("demo-ku", FilterKind.OVERDUE) + "/list?maxResults=2000";

    assertThat(taskIds(staffKu.postJson(dueSoon, Map.of()).json())).contains(third).doesNotContain(fourth, overdue);
    assertThat(taskIds(staffKu.postJson(late, Map.of()).json())).contains(overdue).doesNotContain(third, fourth);

    // the next open day: the task due on the fourth open day is now due within three
    tasklistFilters.synchronizeOn(calendar.addOpenDays(today, 1));
    assertThat(taskIds(staffKu.postJson(dueSoon, Map.of()).json())).contains(third, fourth);
  }

  @Test
  void aTenantThatAppearsGetsItsFiltersForItsGroupsAndLosesThemWhenRemoved() {
    String tenant = "tz-filter-" + UUID.randomUUID().toString().substring(0, 6);
    String group = tenant + "-kaikei";
    var t = identity.newTenant(tenant);
    t.setName("新市");
    identity.saveTenant(t);
    var g = identity.newGroup(group);
    g.setName("新市 会計課");
    identity.saveGroup(g);
    identity.createTenantGroupMembership(tenant, group);
    try {
      tasklistFilters.synchronizeOn(LocalDate.now(JapanTime.ZONE));
      List<Filter> own = filtersOf(tenant);
      assertThat(own).hasSize(FilterKind.values().length).allMatch(f -> f.getName().endsWith("（新市）"));
      for (Filter filter : own) {
        assertThat(authorizations.createAuthorizationQuery().resourceType(
            Resources.FILTER).resourceId(filter.getId()).groupIdIn(group)
            .count()).isOne();
        // no group of another tenant reads them
        assertThat(authorizations.createAuthorizationQuery().resourceType(
            Resources.FILTER).resourceId(filter.getId())
            .groupIdIn(STAFF_GROUP, "staff", "designers").count()).isZero();
      }
    } finally {
      identity.deleteGroup(group);
      identity.deleteTenant(tenant);
    }
    tasklistFilters.synchronizeOn(LocalDate.now(JapanTime.ZONE));
    assertThat(filtersOf(tenant)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private String task(String tenant, String applicant, Instant due) {
    Task task = tasks.newTask();
    task.setName("審査する");
    task.setTenantId(tenant);
    task.setDueDate(Date.from(due));
    tasks.saveTask(task);
    created.add(task.getId());
    if (tenant.equals("demo-ku")) {
      tasks.addCandidateGroup(task.getId(), STAFF_GROUP);
    }
    tasks.setVariablesLocal(task.getId(), Map.of("applicantName", applicant, "procedureName", "道路占用許可申請",
        "dueDate", "2099-01-01"));
    return task.getId();
  }

  private static Instant at17(LocalDate day) {
    return day.atTime(17, 0).atZone(JapanTime.ZONE).toInstant();
  }

  private List<Filter> filtersOf(String tenant) {
    return filters.createFilterQuery().list().stream().filter(f -> f.getProperties() != null
        && String.valueOf(f.getProperties().get(TasklistFilters.KEY)).startsWith(tenant + "/")).toList();
  }

  private String id(String tenant, FilterKind kind) {
    return filtersOf(tenant).stream().filter(f -> f.getProperties().get(TasklistFilters.KEY)
        .equals(tenant + "/" + kind.name())).findFirst().orElseThrow().getId();
  }

  private String name(String tenant) {
    return identity.createTenantQuery().tenantId(tenant).singleResult().getName();
  }

  private static List<String> taskIds(JsonNode list) {
    JsonNode items = list.has("_embedded") ? list.get("_embedded").get("task") : list;
    List<String> ids = new ArrayList<>();
    assertThat(items).as(list.toString()).isNotNull();
    items.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }
}
