package jp.tetsuzuki.processes.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * RFC 9457 problem answers for the procedure, document, calendar, identifier and contract APIs: the status, an English detail
 * and the {@code field} at fault, so that a client can point at it; refusals of an application's content add
 * {@code messageJa}, the Japanese sentence a client shows its users (the same text staff see on the paper form).
 */
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's generic problem-details handler
@RestControllerAdvice(basePackages = {"jp.tetsuzuki.processes.procedure", "jp.tetsuzuki.processes.document",
    "jp.tetsuzuki.processes.reference", "jp.tetsuzuki.processes.operations",
    "jp.tetsuzuki.processes.childcare.enrollment", "jp.tetsuzuki.processes.contractpayment",
    "jp.tetsuzuki.processes.childcare.nursery"})
class PublicApiErrors {

  @ExceptionHandler(ApiException.class)
  ProblemDetail refused(ApiException e, jakarta.servlet.http.HttpServletRequest request) {
    ProblemDetail problem = problem(HttpStatus.valueOf(e.status()), e.getMessage(), e.field());
    problem.setInstance(instance(request.getRequestURI()));
    problem.setProperty(ApiException.MESSAGE_JA, e.japanese() != null ? e.japanese()
        : ApiException.japaneseFor(e.status(), e.field()));
    return problem;
  }


  /** A correction, withdrawal or decision raced another one (or the deadline timer): the case moved on. */
  @ExceptionHandler({MismatchingMessageCorrelationException.class, OptimisticLockingException.class})
  ProblemDetail raced(RuntimeException e) {
    ProblemDetail problem = problem(HttpStatus.CONFLICT, "the case changed meanwhile (another action or a deadline "
        + "came first); read its status and try again if still needed", null);
    problem.setProperty(ApiException.MESSAGE_JA, "ほかの操作または期限の到来により案件の状態が変わりました。状態を確かめ、"
        + "必要ならもう一度操作してください。");
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof UnrecognizedPropertyException unknown) {
        return problem(HttpStatus.BAD_REQUEST, path(unknown) + ": unknown field", path(unknown));
      }
      if (cause instanceof MismatchedInputException mapping && !mapping.getPath().isEmpty()) {
        return problem(HttpStatus.BAD_REQUEST, path(mapping) + ": wrong type or format", path(mapping));
      }
      if (cause instanceof com.fasterxml.jackson.core.exc.StreamReadException read && read.getProcessor() != null) {
        com.fasterxml.jackson.core.JsonParser parser = read.getProcessor();
        // a key given twice, a number too large for its field: the parser knows where it was (review 3 C10)
        String field = parser.getParsingContext() == null ? null : parser.getParsingContext().getCurrentName();
        boolean twice = read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field");
        boolean tooLarge = read instanceof com.fasterxml.jackson.core.exc.InputCoercionException;
        if (field != null && (twice || tooLarge)) {
          return problem(HttpStatus.BAD_REQUEST, field + (twice ? ": given twice" : ": wrong type or format"),
              field);
        }
      }
    }
    return problem(HttpStatus.BAD_REQUEST, "the request body is not valid JSON", null);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.getParameterName() + ": required",
        e.getParameterName());
    problem.setProperty(ApiException.MESSAGE_JA, e.getParameterName() + " を指定してください。");
    return problem;
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ProblemDetail missingHeader(MissingRequestHeaderException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getHeaderName() + " header: required", e.getHeaderName());
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail missingPart(MissingServletRequestPartException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getRequestPartName() + ": required multipart part",
        e.getRequestPartName());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getName() + ": wrong type or format", e.getName());
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  /** How much of the request path an answer repeats (Spring would repeat all of it, e.g. a 5000-character id). */
  static final int MAX_INSTANCE = 128;

  /** The request path as the answer's {@code instance}, at most {@link #MAX_INSTANCE} characters of it. */
  static java.net.URI instance(String path) {
    if (path == null) {
      return null;
    }
    String kept = path.length() <= MAX_INSTANCE ? path : path.substring(0, MAX_INSTANCE);
    int escape = kept.lastIndexOf('%');
    if (escape >= 0 && escape > kept.length() - 3) {
      kept = kept.substring(0, escape); // never half a percent-escape
    }
    try {
      return java.net.URI.create(kept.length() < path.length() ? kept + "..." : kept);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Every answer carries {@code messageJa}: the generic sentence of its status unless a handler sets a better one. */
  private static ProblemDetail problem(HttpStatus status, String detail, String field) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (field != null) {
      problem.setProperty("field", field);
    }
    problem.setProperty(ApiException.MESSAGE_JA, ApiException.japaneseFor(status.value(), field));
    return problem;
  }
}
