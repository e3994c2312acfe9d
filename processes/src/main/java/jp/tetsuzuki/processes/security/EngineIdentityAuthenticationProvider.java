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
import org.springframework.stereotype.Component;

/**
 * Checks HTTP Basic credentials against the engine's identity service, so that API clients, workers and staff share
 * one user directory (and its password policy and login-attempt throttling). Groups become authorities
 * {@code GROUP_<id>}.
 */
@Component
class EngineIdentityAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";

  private final IdentityService identityService;

  EngineIdentityAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null || userId.isBlank() || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("Invalid user or password");
    }
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
