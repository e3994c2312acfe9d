package jp.tetsuzuki.processes.demo;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.identity.IdentityDirectory;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo tenants デモ区 and デモ市, their department groups, the demo accounts of the README and the Tasklist filters.
 * Loaded at every start of the demo profile; every step is create-if-missing.
 */
@Component
@ConditionalOnProperty(name = "tetsuzuki.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** Department code → Japanese name; every demo tenant has all of them. */
  static final Map<String, String> DEPARTMENTS = Map.of(
      "toshikeikaku", "都市計画課",
      "doro", "道路管理課",
      "sangyo", "産業振興課",
      "hoiku", "保育課",
      "keiyaku", "契約課",
      "kaikei", "会計課");

  record DemoTenant(String id, String name) {}

  static final List<DemoTenant> TENANTS = List.of(new DemoTenant("demo-ku", "デモ区"),
      new DemoTenant("demo-shi", "デモ市"));

  private final IdentityDirectory directory;
  private final FilterService filters;
  private final TaskService tasks;
  private final String password;

  DemoData(IdentityDirectory directory, FilterService filters, TaskService tasks,
      @Value("${tetsuzuki.demo.password}") String password) {
    this.directory = directory;
    this.filters = filters;
    this.tasks = tasks;
    this.password = password;
  }

  @Override
  public void initialize() {
    for (DemoTenant tenant : TENANTS) {
      directory.ensureTenant(tenant.id(), tenant.name());
      DEPARTMENTS.forEach((code, name) -> {
        String groupId = tenant.id() + "-" + code;
        directory.ensureGroup(groupId, tenant.name() + " " + name, Groups.GROUP_TYPE_WORKFLOW);
        directory.ensureTenantGroupMembership(tenant.id(), groupId);
      });
      String supervisors = tenant.id() + "-" + Roles.SUPERVISORS;
      directory.ensureGroup(supervisors, tenant.name() + " 監督職", Groups.GROUP_TYPE_WORKFLOW);
      directory.ensureTenantGroupMembership(tenant.id(), supervisors);
    }

    user("designer", "設計", "花子", Roles.DESIGNERS);
    directory.ensureTenantMembership("demo-ku", "designer");
    directory.ensureTenantMembership("demo-shi", "designer");

    user("staff-ku", "区職員", "太郎", Roles.STAFF, "demo-ku-toshikeikaku", "demo-ku-doro", "demo-ku-sangyo",
        "demo-ku-hoiku", "demo-ku-keiyaku");
    directory.ensureTenantMembership("demo-ku", "staff-ku");
    user("supervisor-ku", "区課長", "次郎", Roles.STAFF, Roles.SUPERVISORS, "demo-ku-supervisors",
        "demo-ku-toshikeikaku", "demo-ku-doro", "demo-ku-sangyo", "demo-ku-hoiku", "demo-ku-keiyaku");
    directory.ensureTenantMembership("demo-ku", "supervisor-ku");
    user("staff-shi", "市職員", "三郎", Roles.STAFF, "demo-shi-toshikeikaku", "demo-shi-doro", "demo-shi-sangyo",
        "demo-shi-hoiku", "demo-shi-keiyaku");
    directory.ensureTenantMembership("demo-shi", "staff-shi");
    user("api-client", "外部システム", "連携", Roles.API_CLIENTS);
    directory.ensureTenantMembership("demo-ku", "api-client");
    directory.ensureTenantMembership("demo-shi", "api-client");
    // the in-JVM worker serves every demo tenant
    if (directory.userExists("worker")) {
      TENANTS.forEach(t -> directory.ensureTenantMembership(t.id(), "worker"));
    }

    filter("自分のタスク", -10, "自分が担当しているタスク", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filter("グループのタスク", -5, "所属グループに割り当てられ、まだ担当者がいないタスク",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
    filter("期限が近いタスク", 0, "3日以内に期限を迎える自分またはグループのタスク",
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
            .dueBeforeExpression("${dateTime().plusDays(3)}"));
    LOG.info("Demo tenants, users and filters are in place");
  }

  private void user(String id, String lastName, String firstName, String... groups) {
    directory.ensureUser(id, firstName, lastName, id + "@demo.tetsuzuki.invalid", password);
    for (String group : groups) {
      directory.ensureMembership(id, group);
    }
  }

  private void filter(String name, int priority, String description, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filters.newTaskFilter(name)
        .setOwner("admin")
        .setProperties(Map.of("priority", priority, "description", description, "refresh", true))
        .setQuery(query);
    filters.saveFilter(filter);
    directory.grantGroup(Roles.STAFF, Resources.FILTER, filter.getId(), READ);
    directory.grantGroup(Roles.DESIGNERS, Resources.FILTER, filter.getId(), READ);
  }
}
