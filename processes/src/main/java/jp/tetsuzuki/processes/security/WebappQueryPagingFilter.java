package jp.tetsuzuki.processes.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses unbounded queries ({@code queryMaxResultsLimit}), but the webapps list some things without
 * paging (the Tasklist's filters, for one). For the webapps' own API we cap such lists at the limit instead of
 * failing; machine clients of {@code /engine-rest} still get the engine's clear refusal and must page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class WebappQueryPagingFilter extends OncePerRequestFilter {

  private final SecurityProperties properties;

  WebappQueryPagingFilter(SecurityProperties properties) {
    this.properties = properties;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !"GET".equals(request.getMethod()) || !path.startsWith("/camunda/api/")
        || request.getParameter("maxResults") != null || path.endsWith("/count");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String paging = (request.getParameter("firstResult") == null ? "firstResult=0&" : "")
        + "maxResults=" + properties.maxQueryResults();
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getQueryString() {
        String query = super.getQueryString();
        return query == null || query.isEmpty() ? paging : query + "&" + paging;
      }
    }, response);
  }
}
