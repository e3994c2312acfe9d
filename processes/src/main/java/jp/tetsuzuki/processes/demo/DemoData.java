package jp.tetsuzuki.processes.demo;

import jp.tetsuzuki.processes.contractpayment.ContractSystemAccounts;
import jp.tetsuzuki.processes.contractpayment.SupplierAccounts;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.identity.IdentityDirectory;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo tenants デモ区 and デモ市, their department groups and the demo accounts of the README. Loaded at every start
 * of the demo profile; every step is create-if-missing. Their Tasklist filters come from
 * {@code jp.tetsuzuki.processes.tasklist.TasklistFilters}, as every tenant's do.
 */
@Component
@ConditionalOnProperty(name = "tetsuzuki.demo.enabled", havingValue = "true")
@Order(10)
class DemoData implements StartupInitializer {

  /** 株式会社〇〇商事 of the demo, the supplier system {@code supplier-marumaru} acts for (registered in the registry simulator). */
  static final String MARUMARU_CORPORATE_NUMBER = "5010001008846";

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  /** Department code → Japanese name; every demo tenant has all of them. */
  static final Map<String, String> DEPARTMENTS = Map.of(
      "toshikeikaku", "都市計画課",
      "doro", "道路管理課",
      "sangyo", "産業振興課",
      "hoiku", "保育課",
      "keiyaku", "契約課",
      "kaikei", "会計課",
      // contract payment (issue 11): 検査 and the 会計管理者 (tetsuzuki.contract.*-department)
      "kensa", "検査担当",
      "kaikeikanri", "会計管理者");

  record DemoTenant(String id, String name) {}

  static final List<DemoTenant> TENANTS = List.of(new DemoTenant("demo-ku", "デモ区"),
      new DemoTenant("demo-shi", "デモ市"));

  private final IdentityDirectory directory;
  private final SupplierAccounts supplierAccounts;
  private final ContractSystemAccounts contractSystems;
  private final String password;

  DemoData(IdentityDirectory directory, SupplierAccounts supplierAccounts, ContractSystemAccounts contractSystems,
      @Value("${tetsuzuki.demo.password}") String password) {
    this.directory = directory;
    this.supplierAccounts = supplierAccounts;
    this.contractSystems = contractSystems;
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
    // contract payment (issue 11): an inspector and the 会計管理者 of デモ区, and a supplier's system
    user("kensa-ku", "区検査員", "検", Roles.STAFF, "demo-ku-kensa");
    directory.ensureTenantMembership("demo-ku", "kensa-ku");
    user("kaikeikanri-ku", "区会計管理者", "会", Roles.STAFF, "demo-ku-kaikeikanri");
    directory.ensureTenantMembership("demo-ku", "kaikeikanri-ku");
    user("supplier-marumaru", "株式会社〇〇商事", "システム", Roles.API_CLIENTS);
    directory.ensureTenantMembership("demo-ku", "supplier-marumaru");
    supplierAccounts.bind("supplier-marumaru", "demo-ku", MARUMARU_CORPORATE_NUMBER,
        java.time.Instant.now());
    user("api-client", "外部システム", "連携", Roles.API_CLIENTS);
    directory.ensureTenantMembership("demo-ku", "api-client");
    directory.ensureTenantMembership("demo-shi", "api-client");
    // the outside systems' demo account is also the contract system of both demo tenants (attack review 3 A3)
    TENANTS.forEach(t -> contractSystems.bind("api-client", t.id(), java.time.Instant.now()));
    // the in-JVM worker serves every demo tenant
    if (directory.userExists("worker")) {
      TENANTS.forEach(t -> directory.ensureTenantMembership(t.id(), "worker"));
    }

    LOG.info("Demo tenants and users are in place");
  }

  private void user(String id, String lastName, String firstName, String... groups) {
    directory.ensureUser(id, firstName, lastName, id + "@demo.tetsuzuki.invalid", password);
    for (String group : groups) {
      directory.ensureMembership(id, group);
    }
  }
}
