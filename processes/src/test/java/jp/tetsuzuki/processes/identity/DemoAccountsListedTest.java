package jp.tetsuzuki.processes.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.tetsuzuki.processes.support.PlatformTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every account the demo profile creates is one the guard would refuse outside the demo profile. */
@PlatformTest
class DemoAccountsListedTest {

  @Autowired IdentityService identity;
  @Autowired PlatformAccounts accounts;

  @Test
  void theGuardKnowsEveryDemoAccount() {
    List<String> demoUsers = new ArrayList<>();
    identity.createUserQuery().userEmailLike("%@" + DemoAccountGuard.DEMO_MAIL_DOMAIN).list()
        .forEach(u -> demoUsers.add(u.getId()));
    assertThat(DemoAccountGuard.DEMO_ACCOUNTS).containsAll(demoUsers);
    List<String> refused = new DemoAccountGuard(identity, accounts).accountsWithDemoPassword();
    assertThat(refused).containsAll(DemoAccountGuard.DEMO_ACCOUNTS)
        .contains(accounts.admin().user(), accounts.worker().user());
  }
}
