package jp.tetsuzuki.processes.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.tetsuzuki.processes.support.Http;
import jp.tetsuzuki.processes.support.PlatformTest;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8, item 5: rotating {@code TETSUZUKI_WORKER_PASSWORD} used to lock the workers out (the stored password was
 * never updated). A worker account of its own stands in for {@code worker}, so that the running in-JVM worker is not
 * disturbed; the initializer is run as a restart with the new environment would run it.
 */
@PlatformTest
class MachineAccountCredentialsTest {

  private static final String ACCOUNT = "worker-rotation";
  private static final String OLD = "Alt-Kennwort-2024!";
  private static final String NEW = "Neu-Kennwort-2026!";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired PlatformAccounts accounts;
  @Autowired ProcessEngine engine;

  @AfterEach
  void removeAccount() {
    if (identity.createUserQuery().userId(ACCOUNT).count() > 0) {
      identity.deleteUser(ACCOUNT);
    }
  }

  private MachineAccountCredentials restartWith(String workerPassword) {
    return new MachineAccountCredentials(identity, new PlatformAccounts(accounts.admin(),
        new PlatformAccounts.Account(ACCOUNT, workerPassword)), true);
  }

  private Http.Response loginAs(String password, String source) {
    return Http.as(ACCOUNT, password, port).header("X-Forwarded-For", source).get("/engine-rest/engine");
  }

  @Test
  void aRotatedWorkerPasswordAuthenticatesAfterTheRestartAndTheOldOneNoLonger() {
    createWorker(OLD);
    assertThat(loginAs(OLD, "192.0.2.51").status()).isIn(200, 403);

    restartWith(NEW).initialize();

    assertThat(loginAs(NEW, "192.0.2.52").status()).isIn(200, 403);
    assertThat(loginAs(OLD, "192.0.2.53").status()).isEqualTo(401);
    assertThat(identity.checkPassword(ACCOUNT, NEW)).isTrue();
    // the same value again changes nothing (no rewrite at every start)
    String hash = ((UserEntity) identity.createUserQuery().userId(ACCOUNT).singleResult()).getPassword();
    restartWith(NEW).initialize();
    assertThat(((UserEntity) identity.createUserQuery().userId(ACCOUNT).singleResult()).getPassword())
        .isEqualTo(hash);
  }

  @Test
  void aRotatedPasswordThatFailsThePolicyStopsTheStartWithAClearMessage() {
    createWorker(OLD);
    assertThatThrownBy(() -> restartWith("password").initialize())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("TETSUZUKI_WORKER_PASSWORD").hasMessageContaining("PASSWORD_POLICY_LENGTH");
    assertThat(identity.checkPassword(ACCOUNT, OLD)).isTrue();
  }

  @Test
  void aMachineAccountLockedByTheEngineIsUnlockedAtStart() {
    createWorker(OLD);
    // as the engine's former lockout left it: ten failures, locked
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(context -> {
          UserEntity user = (UserEntity) context.getReadOnlyIdentityProvider().findUserById(ACCOUNT);
          context.getIdentityInfoManager().updateUserLock(user, 10, new Date(System.currentTimeMillis() + 3_600_000));
          return null;
        });
    assertThat(((UserEntity) identity.createUserQuery().userId(ACCOUNT).singleResult()).getAttempts()).isEqualTo(10);

    restartWith(OLD).initialize();

    UserEntity after = (UserEntity) identity.createUserQuery().userId(ACCOUNT).singleResult();
    assertThat(after.getAttempts()).isZero();
    assertThat(after.getLockExpirationTime()).isNull();
    assertThat(loginAs(OLD, "192.0.2.54").status()).isIn(200, 403);
  }

  private void createWorker(String password) {
    User user = identity.newUser(ACCOUNT);
    user.setFirstName("ワーカー");
    user.setLastName("交代");
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(ACCOUNT, Roles.WORKERS);
  }
}
