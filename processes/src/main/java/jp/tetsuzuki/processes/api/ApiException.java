package jp.tetsuzuki.processes.api;

/**
 * A request the public API refuses, with the HTTP status, an English message written for the client's developer and
 * the request field at fault (null when it is not about one field).
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String field;

  public ApiException(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(400, field, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, null, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, null, message);
  }

  public int status() {
    return status;
  }

  public String field() {
    return field;
  }
}
