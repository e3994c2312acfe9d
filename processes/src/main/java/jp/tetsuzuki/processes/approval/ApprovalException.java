package jp.tetsuzuki.processes.approval;

/**
 * A refused approval or substitute operation, with the field at fault (if any). {@link Reason} decides the HTTP
 * status at the API and the engine exception in the model glue. Refusals of the route's rules carry the Japanese
 * sentence staff read ({@link #japanese()}); the message is {@code field: 日本語 / English}.
 */
public class ApprovalException extends RuntimeException {

  public enum Reason { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT }

  private final Reason reason;
  private final String field;
  private final String japanese;

  public ApprovalException(Reason reason, String field, String message) {
    this(reason, field, null, message);
  }

  public ApprovalException(Reason reason, String field, String japanese, String english) {
    super((field == null ? "" : field + ": ") + (japanese == null ? "" : japanese + " / ") + english);
    this.reason = reason;
    this.field = field;
    this.japanese = japanese;
  }

  public static ApprovalException invalid(String field, String message) {
    return new ApprovalException(Reason.INVALID, field, message);
  }

  public static ApprovalException invalid(String field, String japanese, String english) {
    return new ApprovalException(Reason.INVALID, field, japanese, english);
  }

  public static ApprovalException forbidden(String message) {
    return new ApprovalException(Reason.FORBIDDEN, null, message);
  }

  public static ApprovalException forbidden(String japanese, String english) {
    return new ApprovalException(Reason.FORBIDDEN, null, japanese, english);
  }

  public static ApprovalException notFound(String message) {
    return new ApprovalException(Reason.NOT_FOUND, null, message);
  }

  public static ApprovalException notFound(String japanese, String english) {
    return new ApprovalException(Reason.NOT_FOUND, null, japanese, english);
  }

  public static ApprovalException conflict(String message) {
    return new ApprovalException(Reason.CONFLICT, null, message);
  }

  public static ApprovalException conflict(String japanese, String english) {
    return new ApprovalException(Reason.CONFLICT, null, japanese, english);
  }

  public Reason reason() {
    return reason;
  }

  public String field() {
    return field;
  }

  /** The refusal as staff read it; null for the few refusals that have only an English message. */
  public String japanese() {
    return japanese;
  }
}
