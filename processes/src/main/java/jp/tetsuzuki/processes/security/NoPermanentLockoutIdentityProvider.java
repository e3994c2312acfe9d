package jp.tetsuzuki.processes.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's database identity provider without its login lockout: a wrong password neither locks nor delays the
 * user and writes nothing (the engine would lock for good after {@code loginMaxAttempts}, and its counter update
 * clashes on optimistic locking when failures for one user arrive together). Logins are throttled at the edge
 * instead ({@link LoginThrottle}), expiring by themselves.
 */
public class NoPermanentLockoutIdentityProvider extends DbIdentityServiceProvider {

  /** Instantiated by the engine once per command context (GenericManagerFactory). */
  public NoPermanentLockoutIdentityProvider() {
    super();
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // counted at the edge, per node and expiring; nothing stored
  }
}
