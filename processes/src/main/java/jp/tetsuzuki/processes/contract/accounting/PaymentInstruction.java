package jp.tetsuzuki.processes.contract.accounting;

import java.time.LocalDate;

/**
 * One payment for the accounting system (支払指示): what to pay whom for which contract.
 *
 * @param paymentId          our id of the payment, 1..20 ASCII letters, digits or '-'
 * @param contractId         the contract, 1..32 ASCII characters in the file
 * @param payeeName          the payee as the accounting system shows it; JIS X 0208 characters, ASCII and half-width
 *                           katakana only, at most 48 bytes in windows-31j ({@link PaymentInstructionFile})
 * @param registrationNumber the payee's T-number, or null
 * @param amount             yen to pay for the contract (with tax), 0..999,999,999,999
 * @param lateInterest       yen of late-payment interest paid with it, 0..9,999,999,999
 * @param dueOn              the payment due date
 */
public record PaymentInstruction(String paymentId, String contractId, String payeeName, String registrationNumber,
    long amount, long lateInterest, LocalDate dueOn) {

  public PaymentInstruction {
    if (paymentId == null || !paymentId.matches("[A-Za-z0-9-]{1,20}")) {
      throw new IllegalArgumentException("paymentId must be 1..20 ASCII letters, digits or '-'");
    }
    if (contractId == null || contractId.isBlank()) {
      throw new IllegalArgumentException("contractId must not be blank");
    }
    if (payeeName == null || payeeName.isBlank()) {
      throw new IllegalArgumentException("payeeName must not be blank");
    }
    if (amount < 0 || lateInterest < 0) {
      throw new IllegalArgumentException("amount and lateInterest must not be negative");
    }
    if (dueOn == null) {
      throw new IllegalArgumentException("dueOn must not be null");
    }
  }

  /** What the accounting system transfers: the amount and the interest. */
  public long total() {
    return amount + lateInterest;
  }
}
