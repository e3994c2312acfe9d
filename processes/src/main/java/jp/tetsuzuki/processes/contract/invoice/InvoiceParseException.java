package jp.tetsuzuki.processes.contract.invoice;

/**
 * A file that is not a readable JP PINT invoice: refused as a whole, nothing of it kept. {@link #getMessage()} is
 * English for logs and problem details; {@link #messageJa()} is for the supplier or staff; {@link #field()} names the
 * element (or {@code "file"}).
 */
public class InvoiceParseException extends Exception {

  /** Why the file was refused. */
  public enum Reason {
    EMPTY, TOO_LARGE, DOCTYPE_REFUSED, LIMIT_EXCEEDED, MALFORMED, NOT_AN_INVOICE, MISSING_ELEMENT, BAD_VALUE
  }

  private final Reason reason;
  private final String field;
  private final String messageJa;

  public InvoiceParseException(Reason reason, String field, String message, String messageJa) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.messageJa = messageJa;
  }

  public Reason reason() {
    return reason;
  }

  /** The element path (e.g. {@code cbc:IssueDate}) or {@code "file"}. */
  public String field() {
    return field;
  }

  public String messageJa() {
    return messageJa;
  }
}
