package jp.tetsuzuki.processes.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The monitoring system's machine account (group {@link Roles#MONITORING}, created with the other roles by
 * {@link PlatformIdentityBootstrap}): it may read {@code /actuator/prometheus} and nothing else (no engine grant, no
 * rule of the edge names it; not the operations view, whose dead letters carry file names and applicants' data).
 * The account exists only while {@code TETSUZUKI_MONITORING_PASSWORD} is set (the demo profile sets the demo
 * password); its stored password follows the variable, so rotating it and restarting changes it. Without the
 * variable an existing account is left alone (an administrator may have made it) but nothing is created.
 */
@Component
@Order(1)
class MonitoringAccountBootstrap implements StartupInitializer {

  private static final Logger LOG = LoggerFactory.getLogger(MonitoringAccountBootstrap.class);

  private final IdentityDirectory directory;
  private final IdentityService identity;
  private final String user;
  private final String password;

  MonitoringAccountBootstrap(IdentityDirectory directory, IdentityService identity,
      @Value("${tetsuzuki.monitoring.user:monitoring}") String user,
      @Value("${tetsuzuki.monitoring.password:}") String password) {
    this.directory = directory;
    this.identity = identity;
    this.user = user == null || user.isBlank() ? "monitoring" : user.strip();
    this.password = password;
  }

  @Override
  public void initialize() {
    if (password == null || password.isBlank()) {
      LOG.info("No monitoring account: set TETSUZUKI_MONITORING_PASSWORD to let a monitoring system scrape "
          + "/actuator/prometheus as '{}'", user);
      return;
    }
    boolean created = !directory.userExists(user);
    if (!created) {
      var others = new java.util.TreeSet<>(directory.groupIdsOf(user));
      others.remove(Roles.MONITORING);
      if (!others.isEmpty()) {
        throw new IllegalStateException("TETSUZUKI_MONITORING_USER names '" + user + "', an account of groups "
            + others + ": the monitoring account must be a machine account of group " + Roles.MONITORING
            + " alone (choose another name)");
      }
    }
    directory.ensureUser(user, "監視", "システム", user + "@tetsuzuki.invalid", password);
    directory.ensureMembership(user, Roles.MONITORING);
    if (created) {
      LOG.info("Monitoring account '{}' created (group {}: /actuator/prometheus only)", user, Roles.MONITORING);
    } else if (!identity.checkPassword(user, password)) {
      User stored = identity.createUserQuery().userId(user).singleResult();
      stored.setPassword(password);
      try {
        identity.saveUser(stored);
      } catch (org.camunda.bpm.engine.ProcessEngineException e) {
        throw new IllegalStateException("TETSUZUKI_MONITORING_PASSWORD was changed to a password the platform "
            + "refuses: " + e.getMessage(), e);
      }
      identity.unlockUser(user);
      LOG.info("Password of monitoring account '{}' updated from TETSUZUKI_MONITORING_PASSWORD", user);
    }
  }
}
