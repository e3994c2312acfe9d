package jp.tetsuzuki.processes.security;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Whether a login name names an existing user (only existing accounts are tracked by the throttle). */
@Component
class AccountLookup {

  private final IdentityService identityService;

  AccountLookup(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The name if such a user exists, otherwise {@code null}. */
  String existing(String userId) {
    if (userId == null || userId.isBlank() || userId.length() > 255) {
      return null;
    }
    return identityService.createUserQuery().userId(userId).count() > 0 ? userId : null;
  }
}
