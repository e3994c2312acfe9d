package jp.tetsuzuki.processes.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** An upload over the multipart limit is refused before any controller is chosen: 413 naming the file part. */
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's generic problem-details handler
@RestControllerAdvice
class UploadLimitErrors {

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
        "file: larger than the upload limit of " + e.getMaxUploadSize() + " bytes");
    problem.setProperty("field", "file");
    problem.setProperty(ApiException.MESSAGE_JA, "ファイルが大きすぎます（上限 " + e.getMaxUploadSize() + " バイト）。");
    return problem;
  }
}
