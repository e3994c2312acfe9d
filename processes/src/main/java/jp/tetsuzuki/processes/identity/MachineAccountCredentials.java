package jp.tetsuzuki.processes.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps the machine accounts usable across restarts, after {@link PlatformIdentityBootstrap} created them:
 * <ul>
 *   <li>the worker account's stored password follows {@code TETSUZUKI_WORKER_PASSWORD}: rotating the variable and
 *       restarting the nodes changes it (the old password stops working), instead of locking the workers out;</li>
 *   <li>a lock left on a machine account (groups {@code workers}, {@code api-clients}, {@code integrations}) or on
 *       the administrator, e.g. by the engine's former permanent lockout, is removed.</li>
 * </ul>
 * The administrator's password is only its initial value: staff may change it in the Admin app, so it is not
 * overwritten here.
 */
@Component
@Order(1)
public class MachineAccountCredentials implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(MachineAccountCredentials.class);
  /** Groups whose members are machine accounts: never locked for good. */
  static final List<String> MACHINE_GROUPS = List.of(Roles.WORKERS, Roles.API_CLIENTS, Roles.INTEGRATIONS,
      Roles.MONITORING,
      Roles.NURSERY_SYSTEMS);

  private final IdentityService identity;
  private final PlatformAccounts accounts;
  private final boolean workersEnabled;

  public MachineAccountCredentials(IdentityService identity, PlatformAccounts accounts,
      @Value("${tetsuzuki.workers.enabled:true}") boolean workersEnabled) {
    this.identity = identity;
    this.accounts = accounts;
    this.workersEnabled = workersEnabled;
  }

  @Override
  public void initialize() {
    Set<String> machineAccounts = new LinkedHashSet<>();
    if (accounts.admin() != null && accounts.admin().user() != null) {
      machineAccounts.add(accounts.admin().user());
    }
    for (String group : MACHINE_GROUPS) {
      identity.createUserQuery().memberOfGroup(group).list().forEach(u -> machineAccounts.add(u.getId()));
    }
    machineAccounts.forEach(this::unlock);
    if (accounts.worker() != null && (workersEnabled || accounts.worker().password() != null)) {
      follow(accounts.worker(), "TETSUZUKI_WORKER_PASSWORD");
    }
  }

  private void unlock(String userId) {
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user instanceof UserEntity entity && (entity.getAttempts() > 0 || entity.getLockExpirationTime() != null)) {
      identity.unlockUser(userId);
      LOG.warn("Machine account '{}' had {} failed logins and a lock recorded by the engine; unlocked", userId,
          entity.getAttempts());
    }
  }

  /** The policy rules the password breaks, e.g. " (PASSWORD_POLICY_LENGTH {minLength=10})". */
  private String violatedRules(String password, User user) {
    try {
      var rules = identity.checkPasswordAgainstPolicy(password, user).getViolatedRules().stream()
          .map(rule -> rule.getPlaceholder()
              + (rule.getParameters() == null || rule.getParameters().isEmpty() ? "" : " " + rule.getParameters()))
          .toList();
      return rules.isEmpty() ? "" : " (" + String.join(", ", rules) + ")";
    } catch (ProcessEngineException e) {
      return "";
    }
  }

  /** Sets the stored password to the configured one when they differ. */
  private void follow(PlatformAccounts.Account account, String variable) {
    String password = account.password();
    if (account.user() == null || password == null || password.isBlank()) {
      return;
    }
    User user = identity.createUserQuery().userId(account.user()).singleResult();
    if (user == null || identity.checkPassword(account.user(), password)) {
      return;
    }
    user.setPassword(password);
    try {
      identity.saveUser(user);
    } catch (ProcessEngineException e) {
      throw new IllegalStateException(variable + " was changed to a password the platform refuses: "
          + e.getMessage() + violatedRules(password, user), e);
    }
    identity.unlockUser(account.user());
    LOG.info("Password of machine account '{}' updated from {}", account.user(), variable);
  }
}
