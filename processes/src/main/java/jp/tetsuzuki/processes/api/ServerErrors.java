package jp.tetsuzuki.processes.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last word on errors of every public API controller: what no feature handler answered. Database and engine
 * errors carry SQL, table and class names in their messages, so none of their text reaches the client — the answer
 * is a problem with a generic English detail and a reference that the log line carries with the full exception.
 * Spring MVC's own errors (wrong method, media type…) keep their status and problem body.
 */
@Order(Ordered.LOWEST_PRECEDENCE - 100) // after the feature handlers, before Spring's generic problem handler
@RestControllerAdvice(basePackages = "jp.tetsuzuki.processes")
class ServerErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ServerErrors.class);

  /** A parallel request stored the same thing first (unique key). */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
    return answer(HttpStatus.CONFLICT, "the request conflicted with a parallel one; read the current state and "
        + "retry if still needed", e, request, false);
  }

  /** A value the database refused (too long, out of range, missing): the request's fault, not the server's. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> refused(DataIntegrityViolationException e, HttpServletRequest request) {
    return answer(HttpStatus.BAD_REQUEST, "a value of the request could not be stored (too long, out of range "
        + "or missing); see the limits documented for each field", e, request, false);
  }

  /** Lock timeouts, deadlocks, a connection lost: worth retrying soon. */
  @ExceptionHandler(TransientDataAccessException.class)
  ResponseEntity<ProblemDetail> transientFault(TransientDataAccessException e, HttpServletRequest request) {
    ResponseEntity<ProblemDetail> answer = answer(HttpStatus.SERVICE_UNAVAILABLE,
        "the database is busy; retry in a few seconds", e, request, true);
    return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, "5").body(answer.getBody());
  }

  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<ProblemDetail> database(DataAccessException e, HttpServletRequest request) {
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", e, request, true);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<?> other(Exception e, HttpServletRequest request) throws Exception {
    if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
      throw e; // Spring Security answers these (401/403)
    }
    if (e instanceof ErrorResponse spring) {
      return ResponseEntity.status(spring.getStatusCode()).headers(spring.getHeaders()).body(spring.getBody());
    }
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error", e, request, true);
  }

  private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, Exception e,
      HttpServletRequest request, boolean serverFault) {
    String reference = UUID.randomUUID().toString();
    if (serverFault) {
      LOG.error("{} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
    } else {
      // not the message: it quotes the refused value, which may be personal data
      LOG.info("{} {} refused by the database (reference {}): {}", request.getMethod(), request.getRequestURI(),
          reference, NestedExceptionUtils.getMostSpecificCause(e).getClass().getSimpleName());
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail + " (reference " + reference + ")");
    problem.setProperty("reference", reference);
    problem.setProperty(ApiException.MESSAGE_JA, status.is5xxServerError()
        ? "システムで問題が発生しました。時間をおいて再度お試しください（問合せ番号 " + reference + "）。"
        : ApiException.japaneseFor(status.value(), null) + "（問合せ番号 " + reference + "）");
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
