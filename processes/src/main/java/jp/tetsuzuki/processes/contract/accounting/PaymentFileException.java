package jp.tetsuzuki.processes.contract.accounting;

/**
 * A payment batch that cannot be written as the accounting system's file; nothing was written. Names the record
 * (1-based line of the file), the payment and the field; {@link #messageJa()} for staff.
 */
public class PaymentFileException extends RuntimeException {

  private final int record;
  private final String paymentId;
  private final String field;
  private final String messageJa;

  public PaymentFileException(int record, String paymentId, String field, String message, String messageJa) {
    super("record " + record + (paymentId == null ? "" : " (payment " + paymentId + ")") + ", field " + field + ": "
        + message);
    this.record = record;
    this.paymentId = paymentId;
    this.field = field;
    this.messageJa = messageJa;
  }

  public int record() {
    return record;
  }

  public String paymentId() {
    return paymentId;
  }

  public String field() {
    return field;
  }

  public String messageJa() {
    return messageJa;
  }
}
