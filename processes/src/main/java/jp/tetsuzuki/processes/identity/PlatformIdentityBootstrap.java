package jp.tetsuzuki.processes.identity;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.tetsuzuki.bpmn.AdministrativeProcedure;
import jp.tetsuzuki.bpmn.ApprovalRoute;
import jp.tetsuzuki.bpmn.ApprovalSubstituteRegistration;
import jp.tetsuzuki.bpmn.ConnectivityCheck;
import jp.tetsuzuki.processes.identity.IdentityDirectory.Grant;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform's roles (groups) and exactly their engine grants exist at every start, in every profile,
 * and that the administrator and the worker account exist, so the Admin first-run setup is never offered
 * (CVE-2026-77226) and workers can authenticate. Outside the demo profile the passwords must come from the
 * environment.
 *
 * <p>The grants are least privilege (README, "Roles"): outside systems hold no engine permission at all (the public
 * API acts for them after its own checks), workers only what fetching and completing external tasks needs, staff
 * start the processes they register and work the tasks they are candidates of (the engine's task grant is
 * {@code TASK_WORK}, so they cannot hand a task to somebody else), supervisors read their tenant's cases and
 * reassign its tasks, designers deploy. Grants beyond this table, also those an older version made, are removed at
 * start. The edge enforces the same table by path ({@code jp.tetsuzuki.processes.access}).
 */
@Component
@Order(0)
class PlatformIdentityBootstrap implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformIdentityBootstrap.class);

  /** Resource types whose grants to our roles this class owns (filters are shared one by one elsewhere). */
  private static final Set<Resource> MANAGED = Set.<Resource>copyOf(EnumSet.complementOf(EnumSet.of(Resources.FILTER)));

  /** Processes staff open themselves: paper applications, a 決裁 of their own, substitutes, connectivity checks. */
  static final List<String> STAFF_STARTS = List.of(AdministrativeProcedure.ID, ApprovalRoute.ID,
      ApprovalSubstituteRegistration.ID, ConnectivityCheck.ID, jp.tetsuzuki.bpmn.ChildcareAllocationRound.ID,
      jp.tetsuzuki.bpmn.ChildcareEnrollment.ID);

  private final IdentityDirectory directory;
  private final PlatformAccounts accounts;
  private final Environment environment;
  private final boolean workersEnabled;

  PlatformIdentityBootstrap(IdentityDirectory directory, PlatformAccounts accounts, Environment environment,
      @Value("${tetsuzuki.workers.enabled:true}") boolean workersEnabled) {
    this.directory = directory;
    this.accounts = accounts;
    this.environment = environment;
    this.workersEnabled = workersEnabled;
  }

  /** The grants of each role; the README's role table says the same in words. */
  static List<Grant> grantsOf(String role) {
    List<Grant> grants = new ArrayList<>();
    switch (role) {
      case Roles.PLATFORM_DESIGNERS, Roles.DESIGNERS -> {
        grants.add(new Grant(Resources.APPLICATION, "cockpit", ACCESS));
        grants.add(new Grant(Resources.APPLICATION, "tasklist", ACCESS));
        // tenant designers deploy new versions; removing deployments (also shared ones) is for platform designers
        grants.add(Roles.PLATFORM_DESIGNERS.equals(role)
            ? new Grant(Resources.DEPLOYMENT, "*", CREATE, READ, DELETE)
            : new Grant(Resources.DEPLOYMENT, "*", CREATE, READ));
        // models, not cases: designers see no applicant's data (no READ_HISTORY / READ_INSTANCE)
        grants.add(new Grant(Resources.PROCESS_DEFINITION, "*", READ));
        grants.add(new Grant(Resources.PROCESS_DEFINITION, ConnectivityCheck.ID, CREATE_INSTANCE));
        grants.add(new Grant(Resources.PROCESS_INSTANCE, "*", CREATE));
        grants.add(new Grant(Resources.DECISION_DEFINITION, "*", READ));
        grants.add(new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
      }
      case Roles.STAFF -> {
        grants.add(new Grant(Resources.APPLICATION, "tasklist", ACCESS));
        grants.add(new Grant(Resources.PROCESS_DEFINITION, "*", READ));
        STAFF_STARTS.forEach(key -> grants.add(new Grant(Resources.PROCESS_DEFINITION, key, CREATE_INSTANCE)));
        grants.add(new Grant(Resources.PROCESS_INSTANCE, "*", CREATE));
      }
      case Roles.SUPERVISORS -> {
        // a supervisor works as staff too (Tasklist, the same starts), whether or not also in group staff
        grants.addAll(grantsOf(Roles.STAFF));
        grants.add(new Grant(Resources.APPLICATION, "cockpit", ACCESS));
        grants.add(new Grant(Resources.TASK, "*", READ, UPDATE));
        grants.add(new Grant(Resources.PROCESS_DEFINITION, "*", READ_INSTANCE, READ_HISTORY));
        grants.add(new Grant(Resources.PROCESS_INSTANCE, "*", READ));
      }
      case Roles.WORKERS -> {
        // what fetchAndLock and complete need; the edge lets workers call the external-task API only
        grants.add(new Grant(Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, UPDATE_INSTANCE));
        grants.add(new Grant(Resources.PROCESS_INSTANCE, "*", READ, UPDATE));
      }
      case Roles.API_CLIENTS -> {
        // nothing: outside systems use the public API, which checks ownership and acts for them
      }
      case Roles.MONITORING -> {
        // nothing in the engine: the edge lets it read /actuator/prometheus only (MonitoringAccountBootstrap)
      }
      default -> throw new IllegalArgumentException("no grant table for role " + role);
    }
    return grants;
  }

  @Override
  public void initialize() {
    directory.ensureGroup(Roles.ADMINISTRATORS, "システム管理者", Groups.GROUP_TYPE_SYSTEM);
    for (Resources resource : Resources.values()) {
      directory.grantGroup(Roles.ADMINISTRATORS, resource, "*", ALL);
    }
    role(Roles.PLATFORM_DESIGNERS, "共通モデル設計者", Groups.GROUP_TYPE_WORKFLOW);
    role(Roles.DESIGNERS, "プロセス設計者", Groups.GROUP_TYPE_WORKFLOW);
    role(Roles.STAFF, "職員", Groups.GROUP_TYPE_WORKFLOW);
    role(Roles.SUPERVISORS, "監督職", Groups.GROUP_TYPE_WORKFLOW);
    role(Roles.API_CLIENTS, "外部システム", Groups.GROUP_TYPE_SYSTEM);
    role(Roles.WORKERS, "外部タスクワーカー", Groups.GROUP_TYPE_SYSTEM);
    role(Roles.MONITORING, "監視システム", Groups.GROUP_TYPE_SYSTEM);
    // the routes' service identities get their grants per allow-listed process from the integrations' bootstrap
    directory.ensureGroup(Roles.INTEGRATIONS, "連携ルート", Groups.GROUP_TYPE_SYSTEM);

    PlatformAccounts.Account admin = accounts.admin();
    if (!directory.userExists(admin.user())) {
      directory.ensureUser(admin.user(), "管理者", "システム", admin.user() + "@tetsuzuki.invalid",
          required(admin.password(), "TETSUZUKI_ADMIN_PASSWORD"));
      LOG.info("Administrator account '{}' created", admin.user());
    }
    directory.ensureMembership(admin.user(), Roles.ADMINISTRATORS);

    PlatformAccounts.Account worker = accounts.worker();
    // the worker application logs in with this account too: kept whenever its password is set, workers here or not
    if (workersEnabled || worker.password() != null && !worker.password().isBlank()) {
      directory.ensureUser(worker.user(), "ワーカー", "外部タスク", worker.user() + "@tetsuzuki.invalid",
          required(worker.password(), "TETSUZUKI_WORKER_PASSWORD"));
      directory.ensureMembership(worker.user(), Roles.WORKERS);
    }
  }

  private void role(String id, String name, String type) {
    directory.ensureGroup(id, name, type);
    directory.syncGroupGrants(id, MANAGED, grantsOf(id));
  }

  private String required(String password, String variable) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(variable + " must be set" + (environment.acceptsProfiles(Profiles.of("demo"))
          ? "" : " (outside the demo profile no default password exists)"));
    }
    return password;
  }
}
