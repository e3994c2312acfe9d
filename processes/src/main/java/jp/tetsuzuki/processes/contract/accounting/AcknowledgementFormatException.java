package jp.tetsuzuki.processes.contract.accounting;

/** An acknowledgement file that is not in the agreed layout: refused whole, nothing of it applied. */
public class AcknowledgementFormatException extends Exception {

  private final int line;
  private final String field;
  private final String messageJa;

  public AcknowledgementFormatException(int line, String field, String message, String messageJa) {
    super((line > 0 ? "line " + line + ", " : "") + "field " + field + ": " + message);
    this.line = line;
    this.field = field;
    this.messageJa = messageJa;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }

  public String messageJa() {
    return messageJa;
  }
}
