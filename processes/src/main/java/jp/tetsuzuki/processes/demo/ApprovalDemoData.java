package jp.tetsuzuki.processes.demo;

import java.util.List;
import jp.tetsuzuki.processes.approval.OrgUnit;
import jp.tetsuzuki.processes.approval.OrganisationRepository;
import jp.tetsuzuki.processes.identity.IdentityDirectory;
import jp.tetsuzuki.processes.identity.Roles;
import jp.tetsuzuki.processes.identity.StartupInitializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo organisation for approval routes: 課長, 部長, 局長 of the demo tenants, a 次長 who can be registered as
 * substitute and the heads of 契約課 and 会計課 (合議, 回覧). Organisation rows are written only while the tenant has
 * none, so edits made later survive restarts.
 */
@Component
@ConditionalOnProperty(name = "tetsuzuki.demo.enabled", havingValue = "true")
@Order(20)
public class ApprovalDemoData implements StartupInitializer {

  private final IdentityDirectory directory;
  private final OrganisationRepository organisation;
  private final String password;

  ApprovalDemoData(IdentityDirectory directory, OrganisationRepository organisation,
      @Value("${tetsuzuki.demo.password}") String password) {
    this.directory = directory;
    this.organisation = organisation;
    this.password = password;
  }

  /** The demo organisation of a tenant: one 局, three 部, the six 課 of {@link DemoData#DEPARTMENTS}. */
  public static List<OrgUnit> organisation(String tenantId) {
    String suffix = tenantId.endsWith("-shi") ? "shi" : "ku";
    String kacho = "kacho-" + suffix;
    String bucho = "bucho-" + suffix;
    String kyokucho = "kyokucho-" + suffix;
    // デモ区 has own heads for 契約課 and 会計課 (合議 with two departments); デモ市 keeps one 課長 for all
    String keiyaku = suffix.equals("ku") ? "kacho-keiyaku-ku" : kacho;
    String kaikei = suffix.equals("ku") ? "kacho-kaikei-ku" : kacho;
    return List.of(
        new OrgUnit("kusei", "政策局", OrgUnit.Level.KYOKU, null, kyokucho),
        new OrgUnit("toshiseibi", "都市整備部", OrgUnit.Level.BU, "kusei", bucho),
        new OrgUnit("zaimu", "財務部", OrgUnit.Level.BU, "kusei", bucho),
        new OrgUnit("kodomo-sangyo", "子ども・産業部", OrgUnit.Level.BU, "kusei", bucho),
        new OrgUnit("toshikeikaku", "都市計画課", OrgUnit.Level.KA, "toshiseibi", kacho),
        new OrgUnit("doro", "道路管理課", OrgUnit.Level.KA, "toshiseibi", kacho),
        new OrgUnit("keiyaku", "契約課", OrgUnit.Level.KA, "zaimu", keiyaku),
        new OrgUnit("kaikei", "会計課", OrgUnit.Level.KA, "zaimu", kaikei),
        new OrgUnit("sangyo", "産業振興課", OrgUnit.Level.KA, "kodomo-sangyo", kacho),
        new OrgUnit("hoiku", "保育課", OrgUnit.Level.KA, "kodomo-sangyo", kacho));
  }

  @Override
  public void initialize() {
    // every department's approvers, but not the 検査員's or the 会計管理者's groups: the inspection and the
    // accounting check are independent of whoever orders the payment (review 2026-12-01: the 部長 could claim both)
    String[] all = DemoData.DEPARTMENTS.keySet().stream()
        .filter(code -> !code.equals("kensa") && !code.equals("kaikeikanri")).toArray(String[]::new);
    user("demo-ku", "kacho-ku", "都市計画課長", "一郎", groups("demo-ku", all));
    user("demo-ku", "bucho-ku", "都市整備部長", "健二", groups("demo-ku", all));
    user("demo-ku", "kyokucho-ku", "政策局長", "三郎", groups("demo-ku", all));
    user("demo-ku", "jicho-ku", "都市整備部次長", "四郎", groups("demo-ku", "toshikeikaku", "doro"));
    user("demo-ku", "kacho-keiyaku-ku", "契約課長", "五郎", groups("demo-ku", "keiyaku"));
    user("demo-ku", "kacho-kaikei-ku", "会計課長", "六郎", groups("demo-ku", "kaikei"));
    user("demo-shi", "kacho-shi", "市課長", "七郎", groups("demo-shi", all));
    user("demo-shi", "bucho-shi", "市部長", "八郎", groups("demo-shi", all));
    user("demo-shi", "kyokucho-shi", "市局長", "九郎", groups("demo-shi", all));
    for (DemoData.DemoTenant tenant : DemoData.TENANTS) {
      if (!organisation.hasUnits(tenant.id())) {
        organisation.saveAll(tenant.id(), organisation(tenant.id()));
      }
    }
  }

  private static String[] groups(String tenantId, String... departments) {
    String[] groups = new String[departments.length];
    for (int i = 0; i < departments.length; i++) {
      groups[i] = tenantId + "-" + departments[i];
    }
    return groups;
  }

  private void user(String tenantId, String id, String lastName, String firstName, String... groups) {
    directory.ensureUser(id, firstName, lastName, id + "@demo.tetsuzuki.invalid", password);
    directory.ensureMembership(id, Roles.STAFF);
    for (String group : groups) {
      directory.ensureMembership(id, group);
    }
    directory.ensureTenantMembership(tenantId, id);
  }
}
