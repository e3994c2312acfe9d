package jp.tetsuzuki.processes.approval;

/**
 * A refused approval or substitute operation, with the field at fault (if any). {@link Reason} decides the HTTP
 * status at the API and the engine exception in the model glue.
 */
public class ApprovalException extends RuntimeException {

  public enum Reason { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

  private final Reason reason;
  private final String field;

  public ApprovalException(Reason reason, String field, String message) {
    super(field == null ? message : field + ": " + message);
    this.reason = reason;
    this.field = field;
  }

  public static ApprovalException invalid(String field, String message) {
    return new ApprovalException(Reason.INVALID, field, message);
  }

  public static ApprovalException forbidden(String message) {
    return new ApprovalException(Reason.FORBIDDEN, null, message);
  }

  public static ApprovalException notFound(String message) {
    return new ApprovalException(Reason.NOT_FOUND, null, message);
  }

  public static ApprovalException conflict(String message) {
    return new ApprovalException(Reason.CONFLICT, null, message);
  }

  public Reason reason() {
    return reason;
  }

  public String field() {
    return field;
  }
}
