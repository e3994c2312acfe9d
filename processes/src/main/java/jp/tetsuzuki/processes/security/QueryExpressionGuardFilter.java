package jp.tetsuzuki.processes.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses expressions in queries sent to the engine REST API and to the webapps' engine API (the Camunda 7.24.0
 * expression bypass through {@code orQueries} and stored filters). Query parameters of every GET are checked; JSON
 * bodies are checked for the endpoints that take task queries or filters. Bodies are parsed, so escaped characters
 * ({@code \u0024\u007b}) do not slip through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class QueryExpressionGuardFilter extends OncePerRequestFilter {

  private static final Pattern GUARDED_PATH = Pattern.compile("^(/engine-rest|/camunda/api)/.*");
  /** Endpoints whose bodies are task queries or filter definitions. */
  private static final Pattern QUERY_BODY_PATH = Pattern.compile(
      ".*/(task(/count)?|filter/create|filter/[^/]+|filter/[^/]+/(list|count|singleResult))/?$");
  private static final int MAX_QUERY_BODY_BYTES = 1024 * 1024;

  private final ObjectMapper objectMapper;

  QueryExpressionGuardFilter(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !GUARDED_PATH.matcher(pathOf(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> forbidden = Optional.empty();
    if (request.getQueryString() != null) {
      for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
        forbidden = forbidden.or(() -> QueryExpressionGuard.forbiddenIn(parameter.getKey()));
        for (String value : parameter.getValue()) {
          forbidden = forbidden.or(() -> QueryExpressionGuard.forbiddenIn(value));
        }
      }
    }
    HttpServletRequest forwarded = request;
    if (forbidden.isEmpty() && hasQueryBody(request)) {
      byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY_BYTES + 1);
      if (body.length > MAX_QUERY_BODY_BYTES) {
        reject(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Query body too large");
        return;
      }
      if (body.length > 0) {
        try {
          JsonNode json = objectMapper.readTree(body);
          forbidden = QueryExpressionGuard.forbiddenIn(json);
        } catch (JsonProcessingException e) {
          reject(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed JSON in query body");
          return;
        }
      }
      forwarded = new CachedBodyRequest(request, body);
    }
    if (forbidden.isPresent()) {
      reject(response, HttpServletResponse.SC_BAD_REQUEST,
          "Expressions are not allowed in queries (only ${currentUser()}, ${currentUserGroups()}, ${now()} and "
              + "${dateTime()...} in filters): " + forbidden.get());
      return;
    }
    chain.doFilter(forwarded, response);
  }

  private boolean hasQueryBody(HttpServletRequest request) {
    String method = request.getMethod();
    return ("POST".equals(method) || "PUT".equals(method))
        && QUERY_BODY_PATH.matcher(pathOf(request)).matches();
  }

  private void reject(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(objectMapper.writeValueAsString(
        Map.of("type", "InvalidRequestException", "message", message)));
  }

  private static String pathOf(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
