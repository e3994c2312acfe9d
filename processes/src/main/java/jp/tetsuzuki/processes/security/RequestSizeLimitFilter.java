package jp.tetsuzuki.processes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the platform limit before anything reads them: the engine REST API (deployments,
 * variables) parses multipart bodies itself, outside Spring's multipart limits. Bodies without a declared length are
 * refused too; every client we serve sends one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final SecurityProperties properties;

  RequestSizeLimitFilter(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > properties.maxRequestBytes() || (chunked && length < 0)) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      // answered before Spring Security's header writer runs: the same transport headers as every other answer
      response.setHeader("Strict-Transport-Security", "max-age=" + properties.hstsMaxAgeSeconds()
          + " ; includeSubDomains");
      response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write("{\"status\":413,\"error\":\"payload-too-large\",\"message\":\"Request body larger than "
          + properties.maxRequestBytes() + " bytes or without Content-Length\"}");
      return;
    }
    chain.doFilter(request, response);
  }
}
