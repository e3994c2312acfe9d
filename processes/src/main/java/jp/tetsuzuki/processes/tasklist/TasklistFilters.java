package jp.tetsuzuki.processes.tasklist;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.identity.PlatformAccounts;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import jp.tetsuzuki.processes.reference.TenantCalendars;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of every tenant, in every profile ({@link FilterKind}: 自分のタスク, 代理, グループ, 期限が近い,
 * 期限切れ), made to match at every start and then every few minutes ({@code tetsuzuki.tasklist.filter-sync-ms},
 * default 5 min), so that:
 * <ul>
 *   <li>a tenant created later gets its filters, and a removed tenant loses them;</li>
 *   <li>only the tenant's people may read them: READ goes to every group that belongs to the tenant and to staff and
 *       supervisors who are members of the tenant themselves; other grants on them are taken away (the owner, the
 *       administrator, keeps his);</li>
 *   <li>"due within 3 open days" stays true as days pass: the filter holds the end of the window as a date computed
 *       from the tenant's office calendar ({@link DueSoonWindow}); a new day or a new closed day moves it at the next
 *       run. An expression ({@code ${dateTime().plusDays(n)}}) would count calendar days, not 開庁日.</li>
 * </ul>
 * Each filter carries its tenant and kind in the property {@value #KEY}; two nodes that created the same filter at
 * once keep the older one. Filters of an older version (shared by every tenant) are removed.
 */
@Component
@Order(60)
public class TasklistFilters implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  /** Filter property naming the tenant and kind of a filter this class manages ({@code <tenant>/<KIND>}). */
  public static final String KEY = "tetsuzukiFilter";
  /** Filters the demo data of earlier versions created for all tenants at once. */
  static final Set<String> EARLIER_NAMES = Set.of("自分のタスク", "グループのタスク", "期限が近いタスク", "代理で決裁できるタスク");
  /** What each task of a list shows, so that staff can tell cases apart. */
  static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", AdministrativeProcedure.APPLICANT_NAME, "label", "申請者"),
      Map.of("name", AdministrativeProcedure.PROCEDURE_NAME, "label", "手続"),
      Map.of("name", AdministrativeProcedure.DUE_DATE, "label", "処理期限"),
      Map.of("name", ApprovalRoute.SUBJECT, "label", "件名"));
  private static final Set<String> WORKING_ROLES = Set.of(Roles.STAFF, Roles.SUPERVISORS);

  private final FilterService filters;
  private final TaskService tasks;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final TenantCalendars calendars;
  private final String owner;
  private final Clock clock = Clock.system(JapanTime.ZONE);

  TasklistFilters(FilterService filters, TaskService tasks, IdentityService identity,
      AuthorizationService authorizations, TenantCalendars calendars, PlatformAccounts accounts) {
    this.filters = filters;
    this.tasks = tasks;
    this.identity = identity;
    this.authorizations = authorizations;
    this.calendars = calendars;
    this.owner = accounts.admin().user();
  }

  @Override
  public void initialize() {
    synchronizeOn(LocalDate.now(clock));
  }

  @Scheduled(initialDelayString = "${tetsuzuki.tasklist.filter-sync-ms:300000}",
      fixedDelayString = "${tetsuzuki.tasklist.filter-sync-ms:300000}")
  void synchronize() {
    try {
      synchronizeOn(LocalDate.now(clock));
    } catch (RuntimeException e) {
      // another node saving the same filter at once: the next run settles it
      LOG.warn("Tasklist filters not synchronized this time: {}", e.toString());
    }
  }

  /** Makes every tenant's filters, their queries and READ grants as of {@code today} (Asia/Tokyo). */
  public synchronized void synchronizeOn(LocalDate today) {
    Map<String, List<Filter>> managed = new HashMap<>();
    for (Filter filter : filters.createFilterQuery().filterResourceType(Resources.TASK.resourceName()).list()) {
      Object key = filter.getProperties() == null ? null : filter.getProperties().get(KEY);
      if (key instanceof String k) {
        managed.computeIfAbsent(k, x -> new ArrayList<>()).add(filter);
      } else if (EARLIER_NAMES.contains(filter.getName())) {
        filters.deleteFilter(filter.getId());
        LOG.info("Tasklist filter '{}' of an earlier version (shared by all tenants) removed", filter.getName());
      }
    }
    int created = 0;
    for (Tenant tenant : identity.createTenantQuery().list()) {
      String tenantName = tenant.getName() == null || tenant.getName().isBlank() ? tenant.getId() : tenant.getName();
      Instant dueSoonEnd = DueSoonWindow.endOn(calendars.of(tenant.getId()), today);
      Readers readers = readersOf(tenant.getId());
      for (FilterKind kind : FilterKind.values()) {
        String key = tenant.getId() + "/" + kind.name();
        Filter filter = oldestKept(managed.remove(key));
        if (filter == null) {
          filter = filters.newTaskFilter(kind.nameFor(tenantName)).setOwner(owner);
          created++;
        }
        Filter wanted = filters.newTaskFilter(kind.nameFor(tenantName))
            .setProperties(properties(kind, key))
            .setQuery(kind.query(tasks, tenant.getId(), dueSoonEnd));
        if (filter.getId() == null || differs(filter, wanted)) {
          filter.setName(wanted.getName());
          filter.setProperties(wanted.getProperties());
          filter.setQuery(wanted.getQuery());
          filters.saveFilter(filter);
        }
        grantRead(filter.getId(), readers);
      }
    }
    // filters of tenants that no longer exist
    managed.values().forEach(list -> list.forEach(f -> filters.deleteFilter(f.getId())));
    if (created > 0) {
      LOG.info("{} Tasklist filters created", created);
    }
  }

  private static Map<String, Object> properties(FilterKind kind, String key) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", kind.priority());
    properties.put("description", kind.description());
    properties.put("refresh", true);
    properties.put("variables", LIST_VARIABLES);
    properties.put(KEY, key);
    return properties;
  }

  private static boolean differs(Filter stored, Filter wanted) {
    return !Objects.equals(stored.getName(), wanted.getName())
        || !Objects.equals(stored.getProperties(), wanted.getProperties())
        || !Objects.equals(((FilterEntity) stored).getQueryInternal(), ((FilterEntity) wanted).getQueryInternal());
  }

  /** Keeps the oldest of filters made twice (two nodes starting at once) and removes the others. */
  private Filter oldestKept(List<Filter> same) {
    if (same == null || same.isEmpty()) {
      return null;
    }
    same.sort(Comparator.comparing(Filter::getId));
    for (Filter duplicate : same.subList(1, same.size())) {
      filters.deleteFilter(duplicate.getId());
    }
    return same.get(0);
  }

  /** Who may read a tenant's filters: its groups, and its staff and supervisors who are members themselves. */
  private Readers readersOf(String tenantId) {
    Set<String> groups = new HashSet<>();
    identity.createGroupQuery().memberOfTenant(tenantId).list().stream().map(Group::getId).forEach(groups::add);
    Set<String> users = new HashSet<>();
    for (User user : identity.createUserQuery().memberOfTenant(tenantId).list()) {
      boolean works = identity.createGroupQuery().groupMember(user.getId()).list().stream()
          .anyMatch(g -> WORKING_ROLES.contains(g.getId()));
      if (works) {
        users.add(user.getId());
      }
    }
    return new Readers(groups, users);
  }

  private void grantRead(String filterId, Readers readers) {
    Set<String> groups = new HashSet<>(readers.groups());
    Set<String> users = new HashSet<>(readers.users());
    for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
        .resourceId(filterId).list()) {
      if (grant.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT || owner.equals(grant.getUserId())) {
        continue;
      }
      boolean wanted = grant.getGroupId() != null ? groups.remove(grant.getGroupId())
          : users.remove(grant.getUserId());
      if (!wanted) {
        authorizations.deleteAuthorization(grant.getId());
      } else if (!grant.isPermissionGranted(READ)) {
        grant.addPermission(READ);
        authorizations.saveAuthorization(grant);
      }
    }
    groups.forEach(group -> create(filterId, group, null));
    users.forEach(user -> create(filterId, null, user));
  }

  private void create(String filterId, String groupId, String userId) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setResource(Resources.FILTER);
    grant.setResourceId(filterId);
    grant.setGroupId(groupId);
    grant.setUserId(userId);
    grant.addPermission(READ);
    authorizations.saveAuthorization(grant);
  }

  private record Readers(Set<String> groups, Set<String> users) {}
}
