package jp.tetsuzuki.processes.security;

import org.springframework.security.core.AuthenticationException;

/** A login refused by the {@link LoginThrottle} before its password was checked; answered with 429. */
class LoginThrottledException extends AuthenticationException {

  private final transient LoginThrottle.Decision decision;

  LoginThrottledException(LoginThrottle.Decision decision) {
    super("Too many failed logins");
    this.decision = decision;
  }

  LoginThrottle.Decision decision() {
    return decision;
  }
}
