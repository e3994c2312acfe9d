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

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure the platform's own groups, their authorizations, the administrator and the worker account exist at
 * every start, so the Admin first-run setup is never offered (CVE-2026-77226) and workers can authenticate. Outside
 * the demo profile the passwords must come from the environment.
 */
@Component
@Order(0)
class PlatformIdentityBootstrap implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformIdentityBootstrap.class);

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

  @Override
  public void initialize() {
    directory.ensureGroup(Roles.ADMINISTRATORS, "システム管理者", Groups.GROUP_TYPE_SYSTEM);
    for (Resources resource : Resources.values()) {
      directory.grantGroup(Roles.ADMINISTRATORS, resource, "*", ALL);
    }
    directory.ensureGroup(Roles.DESIGNERS, "プロセス設計者", Groups.GROUP_TYPE_WORKFLOW);
    directory.grantGroup(Roles.DESIGNERS, Resources.APPLICATION, "cockpit", ACCESS);
    directory.grantGroup(Roles.DESIGNERS, Resources.APPLICATION, "tasklist", ACCESS);
    directory.grantGroup(Roles.DESIGNERS, Resources.DEPLOYMENT, "*", CREATE, READ, DELETE);
    directory.grantGroup(Roles.DESIGNERS, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY, UPDATE);
    directory.grantGroup(Roles.DESIGNERS, Resources.DECISION_DEFINITION, "*", READ, UPDATE);
    directory.grantGroup(Roles.DESIGNERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);

    directory.ensureGroup(Roles.STAFF, "職員", Groups.GROUP_TYPE_WORKFLOW);
    directory.grantGroup(Roles.STAFF, Resources.APPLICATION, "tasklist", ACCESS);
    directory.grantGroup(Roles.STAFF, Resources.PROCESS_DEFINITION, "*", READ, CREATE_INSTANCE);
    directory.grantGroup(Roles.STAFF, Resources.PROCESS_INSTANCE, "*", CREATE);

    directory.ensureGroup(Roles.SUPERVISORS, "監督職", Groups.GROUP_TYPE_WORKFLOW);
    directory.grantGroup(Roles.SUPERVISORS, Resources.APPLICATION, "cockpit", ACCESS);
    directory.grantGroup(Roles.SUPERVISORS, Resources.TASK, "*", READ, UPDATE);
    directory.grantGroup(Roles.SUPERVISORS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE,
        READ_HISTORY);
    directory.grantGroup(Roles.SUPERVISORS, Resources.PROCESS_INSTANCE, "*", READ);

    directory.ensureGroup(Roles.API_CLIENTS, "外部システム", Groups.GROUP_TYPE_SYSTEM);
    directory.grantGroup(Roles.API_CLIENTS, Resources.PROCESS_DEFINITION, "*", READ, CREATE_INSTANCE,
        READ_INSTANCE, UPDATE_INSTANCE, READ_HISTORY);
    directory.grantGroup(Roles.API_CLIENTS, Resources.PROCESS_INSTANCE, "*", CREATE, READ, UPDATE);

    directory.ensureGroup(Roles.WORKERS, "外部タスクワーカー", Groups.GROUP_TYPE_SYSTEM);
    directory.grantGroup(Roles.WORKERS, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, UPDATE_INSTANCE);
    directory.grantGroup(Roles.WORKERS, Resources.PROCESS_INSTANCE, "*", READ, UPDATE);

    PlatformAccounts.Account admin = accounts.admin();
    if (!directory.userExists(admin.user())) {
      directory.ensureUser(admin.user(), "管理者", "システム", admin.user() + "@tetsuzuki.invalid",
          required(admin.password(), "TETSUZUKI_ADMIN_PASSWORD"));
      LOG.info("Administrator account '{}' created", admin.user());
    }
    directory.ensureMembership(admin.user(), Roles.ADMINISTRATORS);

    if (workersEnabled) {
      PlatformAccounts.Account worker = accounts.worker();
      directory.ensureUser(worker.user(), "ワーカー", "外部タスク", worker.user() + "@tetsuzuki.invalid",
          required(worker.password(), "TETSUZUKI_WORKER_PASSWORD"));
      directory.ensureMembership(worker.user(), Roles.WORKERS);
    }
  }

  private String required(String password, String variable) {
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(variable + " must be set" + (environment.acceptsProfiles(Profiles.of("demo"))
          ? "" : " (outside the demo profile no default password exists)"));
    }
    return password;
  }
}
