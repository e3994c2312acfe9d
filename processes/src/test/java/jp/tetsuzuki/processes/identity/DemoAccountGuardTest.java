package jp.tetsuzuki.processes.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.util.Properties;
import jp.tetsuzuki.processes.support.TestEngines;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;

/**
 * Issue 8, item 10 as the attack: the demo profile was the default, its published passwords survived a profile
 * change. Outside the demo profile the platform refuses to start while an account still has the demo password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAccountGuardTest {

  private static final String DEMO_PASSWORD = "Tetsuzuki-demo-1";
  private static final PlatformAccounts ACCOUNTS = new PlatformAccounts(
      new PlatformAccounts.Account("admin", "Kanri-Himitsu-2026!"),
      new PlatformAccounts.Account("worker", "Worker-Himitsu-2026!"));

  private ProcessEngine engine;
  private IdentityService identity;

  @BeforeAll
  void engine() {
    engine = TestEngines.configuration("demo-guard", "jdbc:h2:mem:demo-guard-" + System.nanoTime())
        .buildProcessEngine();
    identity = engine.getIdentityService();
  }

  @AfterEach
  void removeUsers() {
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
  }

  @AfterAll
  void close() {
    engine.close();
  }

  private void user(String id, String password, String... groups) {
    User user = identity.newUser(id);
    user.setPassword(password);
    identity.saveUser(user);
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      identity.createMembership(id, group);
    }
  }

  private DemoAccountGuard guard() {
    return new DemoAccountGuard(identity, ACCOUNTS, DemoAccountGuard.packagedDemoPassword());
  }

  @Test
  void aDemoAccountLeftFromTheDemoProfileStopsTheStartNamingIt() {
    user("admin", "Kanri-Himitsu-2026!");
    user("staff-ku", DEMO_PASSWORD);
    user("kyokucho-shi", DEMO_PASSWORD);
    assertThatThrownBy(() -> guard().initialize())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("staff-ku, kyokucho-shi")
        .hasMessageContaining("demo password")
        .hasMessageContaining("delete these accounts or give them passwords of your own");
  }

  @Test
  void anAdministratorWorkerOrMachineAccountWithTheDemoPasswordStopsTheStart() {
    user("admin", DEMO_PASSWORD);
    user("worker", DEMO_PASSWORD, Roles.WORKERS);
    user("city-portal", DEMO_PASSWORD, Roles.API_CLIENTS);
    assertThat(guard().accountsWithDemoPassword()).containsExactly("admin", "worker", "city-portal");
    assertThatThrownBy(() -> guard().initialize()).hasMessageContaining("admin, worker, city-portal");
  }

  @Test
  void demoAccountsWithPasswordsOfTheirOwnMayStay() {
    user("admin", "Kanri-Himitsu-2026!");
    user("staff-ku", "Shokuin-Himitsu-2026!");
    user("api-client", "Renkei-Himitsu-2026!", Roles.API_CLIENTS);
    guard().initialize();
    assertThat(guard().accountsWithDemoPassword()).isEmpty();
  }

  @Test
  void theGuardRunsOnlyOutsideTheDemoProfile() {
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withBean(IdentityService.class, () -> mock(IdentityService.class))
        .withBean(PlatformAccounts.class, () -> ACCOUNTS)
        .withUserConfiguration(DemoAccountGuard.class);
    runner.run(context -> assertThat(context).hasSingleBean(DemoAccountGuard.class));
    runner.withPropertyValues("spring.profiles.active=postgres")
        .run(context -> assertThat(context).hasSingleBean(DemoAccountGuard.class));
    runner.withPropertyValues("spring.profiles.active=demo,postgres")
        .run(context -> assertThat(context).doesNotHaveBean(DemoAccountGuard.class));
  }

  @Test
  void thePackagedConfigurationHasNoDefaultProfileAndTheDemoListensOnLoopback() {
    Properties packaged = yaml("application.yaml");
    assertThat(packaged).doesNotContainKeys("spring.profiles.default", "spring.profiles.active");
    Properties demo = yaml("application-demo.yaml");
    assertThat(demo.getProperty("server.address")).isEqualTo("${SERVER_ADDRESS:127.0.0.1}");
    assertThat(DemoAccountGuard.packagedDemoPassword()).isEqualTo(DEMO_PASSWORD);
    // without the demo profile nothing supplies a password: the bootstrap stops the start (TETSUZUKI_ADMIN_PASSWORD)
    assertThat(packaged.getProperty("tetsuzuki.admin.password")).isEqualTo("${TETSUZUKI_ADMIN_PASSWORD:}");
    assertThat(packaged.getProperty("tetsuzuki.worker.password")).isEqualTo("${TETSUZUKI_WORKER_PASSWORD:}");
  }

  private static Properties yaml(String name) {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource(name));
    return yaml.getObject();
  }
}
