package jp.tetsuzuki.processes.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the engine's identity service, so that API clients, workers and staff share
 * one user directory (and its password policy). Logins are throttled per source and account by the
 * {@link LoginThrottle} (429 while throttled, expiring; the engine itself never locks a user). Groups become
 * authorities {@code GROUP_<id>}.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = jp.tetsuzuki.processes.identity.Roles.AUTHORITY_PREFIX;

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final AccountLookup accounts;

  EngineIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle,
      AccountLookup accounts) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.accounts = accounts;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    // the remote address as Tomcat sees it: the client behind a trusted proxy (RemoteIpValve), else the peer
    String source = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress() : null;
    LoginThrottle.Decision decision = throttle.check(source, userId);
    if (!decision.allowed()) {
      throw new LoginThrottledException(decision);
    }
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throttle.recordFailure(source, accounts.existing(userId));
      throw new BadCredentialsException("Invalid user or password");
    }
    throttle.recordSuccess(source, userId);
    List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
        .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
