package jp.tetsuzuki.processes.demo;

import jp.tetsuzuki.processes.identity.IdentityDirectory;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's nursery system accounts (README "Nursery ICT systems"): {@code nursery-ku} reports for デモ区's
 * facilities, {@code nursery-shi} for デモ市's (application-demo.yaml binds them to their systems and facilities).
 */
@Component
@ConditionalOnProperty(name = "tetsuzuki.demo.enabled", havingValue = "true")
@Order(11)
class NurseryDemoData implements StartupInitializer {

  private final IdentityDirectory directory;
  private final String password;

  NurseryDemoData(IdentityDirectory directory, @Value("${tetsuzuki.demo.password}") String password) {
    this.directory = directory;
    this.password = password;
  }

  @Override
  public void initialize() {
    directory.ensureGroup(Roles.NURSERY_SYSTEMS, "保育施設システム", org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
    account("nursery-ku", "デモ区 保育施設システム", "demo-ku");
    account("nursery-shi", "デモ市 保育施設システム", "demo-shi");
  }

  private void account(String id, String name, String tenant) {
    directory.ensureUser(id, "システム", name, id + "@demo.tetsuzuki.invalid", password);
    directory.ensureMembership(id, Roles.NURSERY_SYSTEMS);
    directory.ensureTenantMembership(tenant, id);
  }
}
