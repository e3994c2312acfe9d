package jp.tetsuzuki.processes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles the webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}), which checks the
 * password with the engine itself: a throttled source or account gets 429 before the password is checked; the
 * outcome of the others is read from the response status (401 wrong credentials, 2xx logged in).
 */
class WebappLoginThrottleFilter extends OncePerRequestFilter {

  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

  private final LoginThrottle throttle;
  private final AccountLookup accounts;

  WebappLoginThrottleFilter(LoginThrottle throttle, AccountLookup accounts) {
    this.throttle = throttle;
    this.accounts = accounts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"POST".equalsIgnoreCase(request.getMethod()) || !LOGIN.matcher(path).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // the same parameter the login resource reads (form body or query); Jersey falls back to these once read
    String username = request.getParameter("username");
    String source = request.getRemoteAddr();
    LoginThrottle.Decision decision = throttle.check(source, username);
    if (!decision.allowed()) {
      ThrottledResponse.write(response, decision);
      return;
    }
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (request.getAttribute(LoginThrottle.REFUSED_UNCHECKED) != null) {
      return; // refused before any password was checked: nothing was guessed
    }
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.recordFailure(source, accounts.existing(username));
    } else if (status >= 200 && status < 300) {
      throttle.recordSuccess(source, username);
    }
  }
}
