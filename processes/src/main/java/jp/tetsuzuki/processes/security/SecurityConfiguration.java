package jp.tetsuzuki.processes.security;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.core.AuthenticationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import java.util.Arrays;

/**
 * The platform's edge. Machine-facing paths (public API, engine REST, API docs, actuator) use HTTP Basic against the
 * engine's users; the webapps keep Camunda's own session login, behind the same headers. Known weaknesses of
 * Camunda 7.24.0 CE are closed here (DESIGN.md, security model).
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

  static final String ADMIN_AUTHORITY = EngineIdentityAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN;
  static final String MONITORING_AUTHORITY = EngineIdentityAuthenticationProvider.GROUP_PREFIX
      + jp.tetsuzuki.processes.identity.Roles.MONITORING;

  /** Matches on the whole path inside the application, whichever servlet serves it. */
  private static RequestMatcher paths(String... patterns) {
    return new OrRequestMatcher(Arrays.stream(patterns)
        .<RequestMatcher>map(AntPathRequestMatcher::antMatcher).toList());
  }

  static final String NURSERY_AUTHORITY = EngineIdentityAuthenticationProvider.GROUP_PREFIX
      + jp.tetsuzuki.processes.identity.Roles.NURSERY_SYSTEMS;

  /** Authenticated, and not only the monitoring system or a nursery system (an administrator always). */
  static boolean mayReadApiDocs(org.springframework.security.core.Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
      return false;
    }
    var authorities = authentication.getAuthorities().stream()
        .map(org.springframework.security.core.GrantedAuthority::getAuthority).toList();
    return authorities.contains(ADMIN_AUTHORITY)
        || !(authorities.contains(MONITORING_AUTHORITY) || authorities.contains(NURSERY_AUTHORITY));
  }

  @Bean
  @Order(1)
  SecurityFilterChain machineApis(HttpSecurity http, EngineIdentityAuthenticationProvider provider,
      SecurityProperties properties) throws Exception {
    // path matchers independent of Spring MVC: /engine-rest is served by Camunda's Jersey servlet
    http.securityMatcher(paths("/api/**", "/engine-rest/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
            "/swagger-ui.html", "/swagger-ui/**"))
        // exactly this provider, without Boot's global manager as parent (it would check a wrong password twice)
        .authenticationManager(new ProviderManager(provider))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"))
            .permitAll()
            // metrics for the monitoring system's account (group monitoring) and administrators; no other actuator
            // endpoint, and not the operations view, whose dead letters name files and applicants
            .requestMatchers(paths("/actuator/prometheus")).hasAnyAuthority(ADMIN_AUTHORITY, MONITORING_AUTHORITY)
            .requestMatchers(paths("/actuator/**")).hasAuthority(ADMIN_AUTHORITY)
            // the operations view (routes, dead letters of every tenant's files): administrators only
            .requestMatchers(paths("/api/v1/operations", "/api/v1/operations/**")).hasAuthority(ADMIN_AUTHORITY)
            // the API's documentation is for those who build against the API, not for the monitoring system's and
            // the nursery systems' accounts, each of which reaches its one endpoint only (review 3 A10)
            .requestMatchers(paths("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"))
            .access((authentication, context) -> new org.springframework.security.authorization.AuthorizationDecision(
                mayReadApiDocs(authentication.get())))
            // checks any user's password outside the login throttle: an unlimited guessing oracle otherwise
            .requestMatchers(paths("/engine-rest/identity/verify")).hasAuthority(ADMIN_AUTHORITY)
            .anyRequest().authenticated())
        // failed and throttled Basic logins are answered by our entry point (401 JSON, or 429 with Retry-After)
        .httpBasic(basic -> basic.realmName("Tetsuzuki").authenticationEntryPoint(new BasicEntryPoint()))
        .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
            new BasicEntryPoint(), AnyRequestMatcher.INSTANCE))
        // stateless clients with credentials on every call: no session, so no CSRF exposure
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    // JSON answers need nothing; the Swagger UI loads its own scripts and styles from this origin
    strictHeaders(http, properties, "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webapps(HttpSecurity http, SecurityProperties properties) throws Exception {
    http.securityMatcher(AnyRequestMatcher.INSTANCE)
        .authorizeHttpRequests(auth -> auth
            // CVE-2026-77226: the Admin first-run setup must never create a user; the admin exists at start
            .requestMatchers(paths("/camunda/api/admin/setup/**")).denyAll()
            .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
            // the webapps authenticate their API calls themselves (session login, per-engine authorization)
            .anyRequest().permitAll())
        .exceptionHandling(ex -> ex.accessDeniedHandler(
            (req, res, e) -> res.sendError(HttpStatus.FORBIDDEN.value(), "Forbidden")))
        // Camunda's webapps bring their own CSRF protection (CsrfPreventionFilter, SameSite cookie)
        .csrf(csrf -> csrf.disable())
        .httpBasic(b -> b.disable());
    // Camunda's header-security filter sets the webapps' nonce-based CSP; we add HSTS and the rest
    http.headers(h -> h
        .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
            .maxAgeInSeconds(properties.hstsMaxAgeSeconds()).includeSubDomains(true))
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  private static void strictHeaders(HttpSecurity http, SecurityProperties properties, String csp) throws Exception {
    http.headers(h -> h
        .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
            .maxAgeInSeconds(properties.hstsMaxAgeSeconds()).includeSubDomains(true))
        .contentSecurityPolicy(c -> c.policyDirectives(csp))
        .frameOptions(f -> f.deny())
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
  }

  /**
   * Engine REST runs its authorization checks as the authenticated Spring principal (groups and tenants are read
   * from the engine), so {@code /engine-rest} and the public API see exactly what the user may see.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        ContainerBasedAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*", "/api/*");
    // after Spring Security (order -100), which establishes the principal
    registration.setOrder(0);
    return registration;
  }

  /** 401 with a Basic challenge and a short JSON body instead of an HTML error page; 429 for a throttled login. */
  private static final class BasicEntryPoint implements AuthenticationEntryPoint {
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
        AuthenticationException authException) throws IOException {
      if (authException instanceof LoginThrottledException throttled) {
        ThrottledResponse.write(response, throttled.decision());
        return;
      }
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      response.setHeader("WWW-Authenticate", "Basic realm=\"Tetsuzuki\"");
      response.setContentType("application/json");
      response.getWriter().write("{\"status\":401,\"error\":\"unauthorized\",\"message\":\"Authentication required\"}");
    }
  }
}
