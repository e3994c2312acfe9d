package jp.tetsuzuki.processes.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The 429 answer of a throttled login: {@code Retry-After} and a short JSON body, the same on every path. */
final class ThrottledResponse {

  private ThrottledResponse() {}

  static void write(HttpServletResponse response, LoginThrottle.Decision decision) throws IOException {
    long seconds = decision.retryAfterSeconds();
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType("application/json");
    // the account case does not say whether the account exists: it is only tracked when it does, but the
    // message is the same for both reasons
    response.getWriter().write("{\"status\":429,\"error\":\"too_many_login_failures\",\"message\":"
        + "\"Too many failed logins; try again in " + seconds + " seconds\",\"retryAfterSeconds\":" + seconds + "}");
  }
}
