package jp.tetsuzuki.processes.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Outside the demo profile, refuses to start while an account still has the published demo password: the demo
 * accounts of the README survive a profile change (they live in the database), and so would an administrator or
 * worker password copied from the demo. The demo password itself is the signal, read from the packaged
 * {@code application-demo.yaml}, so an account whose password was changed may stay.
 */
@Component
@Profile("!demo")
@Order(2)
public class DemoAccountGuard implements StartupInitializer {

  /** The accounts the demo profile creates (README, "Demo accounts"); admin and worker are added from settings. */
  public static final List<String> DEMO_ACCOUNTS = List.of("designer", "staff-ku", "supervisor-ku", "staff-shi",
      "api-client", "kacho-ku", "bucho-ku", "kyokucho-ku", "jicho-ku", "kacho-keiyaku-ku", "kacho-kaikei-ku",
      "kacho-shi", "bucho-shi", "kyokucho-shi",
      // contract payment (issue 11)
      "kensa-ku", "kaikeikanri-ku", "supplier-marumaru",
      // nursery ICT systems (issue 13)
      "nursery-ku", "nursery-shi");

  /** Mail domain of every demo account. */
  static final String DEMO_MAIL_DOMAIN = "demo.tetsuzuki.invalid";

  private final IdentityService identity;
  private final PlatformAccounts accounts;
  private final String demoPassword;

  @Autowired
  public DemoAccountGuard(IdentityService identity, PlatformAccounts accounts) {
    this(identity, accounts, packagedDemoPassword());
  }

  DemoAccountGuard(IdentityService identity, PlatformAccounts accounts, String demoPassword) {
    this.identity = identity;
    this.accounts = accounts;
    this.demoPassword = demoPassword;
  }

  /** {@code tetsuzuki.demo.password} of the packaged demo profile. */
  public static String packagedDemoPassword() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application-demo.yaml"));
    Properties properties = yaml.getObject();
    String password = properties == null ? null : properties.getProperty("tetsuzuki.demo.password");
    if (password == null || password.isBlank()) {
      throw new IllegalStateException("application-demo.yaml has no tetsuzuki.demo.password to check accounts against");
    }
    return password;
  }

  @Override
  public void initialize() {
    List<String> offenders = accountsWithDemoPassword();
    if (!offenders.isEmpty()) {
      throw new IllegalStateException("Refusing to start outside the demo profile: "
          + String.join(", ", offenders) + (offenders.size() == 1 ? " still has" : " still have")
          + " the published demo password. Start once more with the demo profile added (e.g. "
          + "--spring.profiles.active=demo,postgres; it listens on loopback only), delete these accounts or give "
          + "them passwords of your own (Admin app, Users; or DELETE "
          + "/engine-rest/user/{id}), then restart without it. TETSUZUKI_ADMIN_PASSWORD only sets the password of a "
          + "new administrator; TETSUZUKI_WORKER_PASSWORD must not be the demo password (README, Production).");
    }
  }

  /** Accounts (demo accounts, administrator, worker, machine accounts) whose password is the demo password. */
  public List<String> accountsWithDemoPassword() {
    Set<String> candidates = new LinkedHashSet<>();
    if (accounts.admin() != null && accounts.admin().user() != null) {
      candidates.add(accounts.admin().user());
    }
    if (accounts.worker() != null && accounts.worker().user() != null) {
      candidates.add(accounts.worker().user());
    }
    candidates.addAll(DEMO_ACCOUNTS);
    // demo users added later carry the demo mail domain (DemoData, ApprovalDemoData)
    identity.createUserQuery().userEmailLike("%@" + DEMO_MAIL_DOMAIN).list().forEach(u -> candidates.add(u.getId()));
    for (String group : MachineAccountCredentials.MACHINE_GROUPS) {
      identity.createUserQuery().memberOfGroup(group).list().forEach(u -> candidates.add(u.getId()));
    }
    List<String> offenders = new ArrayList<>();
    for (String userId : candidates) {
      if (identity.checkPassword(userId, demoPassword)) {
        offenders.add(userId);
      }
    }
    return offenders;
  }
}
