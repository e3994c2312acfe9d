package jp.tetsuzuki.processes.childcare.runs;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import jp.tetsuzuki.processes.api.ApiException;
import jp.tetsuzuki.processes.childcare.allocation.AllocationProblem;
import jp.tetsuzuki.processes.childcare.allocation.InvalidAllocationRequestException;
import jp.tetsuzuki.processes.childcare.allocation.csv.CsvFormatException;
import jp.tetsuzuki.processes.childcare.allocation.csv.CsvProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Problem answers of the allocation-run API: {@code detail} in English, {@code messageJa}, {@code field} (the part)
 * and, for file problems, {@code errors}: each with part, line, column, code, message and messageJa.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = AllocationRunController.class)
class AllocationRunErrors {

  private final AllocationRunPool pool;

  AllocationRunErrors(AllocationRunPool pool) {
    this.pool = pool;
  }

  @ExceptionHandler(CsvFormatException.class)
  ProblemDetail csv(CsvFormatException e, HttpServletRequest request) {
    List<CsvProblem> problems = e.problems();
    CsvProblem first = problems.get(0);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setInstance(URI.create("/api/v1/childcare/allocation-runs"));
    problem.setProperty("field", first.part() == null ? "charset" : first.part().name);
    problem.setProperty(ApiException.MESSAGE_JA, first.messageJa());
    problem.setProperty("errors", problems.stream().map(p -> Map.of(
        "part", p.part() == null ? "charset" : p.part().name,
        "line", p.line(),
        "column", p.column() == null ? "" : p.column(),
        "code", p.code(),
        "message", p.message(),
        "messageJa", p.messageJa())).toList());
    return problem;
  }

  /** The CSV reader checks what the engine checks, with lines; this is the engine's own word if one slips by. */
  @ExceptionHandler(InvalidAllocationRequestException.class)
  ProblemDetail invalid(InvalidAllocationRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    AllocationProblem first = e.problems().get(0);
    problem.setProperty("field", "applicants");
    problem.setProperty(ApiException.MESSAGE_JA, first.messageJa());
    problem.setProperty("errors", e.problems().stream().map(p -> Map.of("part", "applicants", "code", p.code(),
        "subject", p.subjectId(), "message", p.message(), "messageJa", p.messageJa())).toList());
    return problem;
  }

  /** Review C5: every run thread of the node and the queue taken; the caller tries again later. */
  @ExceptionHandler(AllocationRunPool.Busy.class)
  ResponseEntity<ProblemDetail> busy(AllocationRunPool.Busy e) {
    long seconds = pool.retryAfterSeconds();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "allocation runs are busy (" + e.getMessage() + "); retry after " + seconds + " s");
    problem.setProperty("reason", "busy");
    problem.setProperty(ApiException.MESSAGE_JA, "利用調整の実行が混み合っています（この環境で同時に実行できるのは "
        + Math.max(1, pool.limits().concurrentRuns()) + "件までです）。" + seconds + "秒ほど待ってから再度お試しください。");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  @ExceptionHandler(ApiException.class)
  ProblemDetail refused(ApiException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()), e.getMessage());
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    problem.setProperty(ApiException.MESSAGE_JA, e.japanese() != null ? e.japanese()
        : ApiException.japaneseFor(e.status(), e.field()));
    return problem;
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ProblemDetail missingPart(MissingServletRequestPartException e) {
    String part = e.getRequestPartName();
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        part + ": required multipart part");
    problem.setProperty("field", part);
    problem.setProperty(ApiException.MESSAGE_JA, ("applicants".equals(part) ? "申請者ファイル" : "保育所ファイル")
        + "（" + part + "）を添付してください。");
    return problem;
  }

  @ExceptionHandler(MultipartException.class)
  ProblemDetail notMultipart(MultipartException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "the body must be multipart/form-data with the parts applicants and facilities");
    problem.setProperty(ApiException.MESSAGE_JA, "申請者ファイルと保育所ファイルを multipart/form-data で送ってください。");
    return problem;
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        e.getParameterName() + ": required");
    problem.setProperty("field", e.getParameterName());
    return problem;
  }
}
