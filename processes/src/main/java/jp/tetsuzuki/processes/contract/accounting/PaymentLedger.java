package jp.tetsuzuki.processes.contract.accounting;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The store of exported payments and their outcome, so that an acknowledgement applies once
 * ({@link JdbcPaymentLedger}: {@code tz_contract_payment}, {@code tz_payment_acknowledgement_line}, V56). Every
 * change is conditional on the current status, so a repeated or concurrent application changes nothing.
 */
public interface PaymentLedger {

  /** Status of an exported payment. */
  enum Status { EXPORTED, PAID, FAILED }

  /**
   * A payment as stored.
   *
   * @param acknowledgementId the acknowledgement file that settled it, or null
   * @param exportedOn        the day (Japan time) it was exported: it cannot have been paid before
   */
  record Payment(String tenantId, String paymentId, String contractId, String batchId, long amount,
      long lateInterest, Status status, LocalDate paidOn, String acknowledgementId, LocalDate exportedOn) {

    /** What the accounting system should have transferred. */
    public long total() {
      return amount + lateInterest;
    }
  }

  /**
   * Records every payment of an exported batch as {@link Status#EXPORTED}; a payment already recorded for the same
   * batch is left as it is (a repeated export).
   *
   * @throws IllegalStateException if a payment id is already recorded for another batch
   */
  void recordExported(PaymentBatch batch);

  Optional<Payment> find(String tenantId, String paymentId);

  /**
   * EXPORTED → PAID with the day and the acknowledgement.
   *
   * @return true if this call made the change; false if the payment was not EXPORTED (already settled)
   */
  boolean markPaid(String tenantId, String paymentId, LocalDate paidOn, String acknowledgementId);

  /**
   * EXPORTED → FAILED.
   *
   * @return true if this call made the change
   */
  boolean markFailed(String tenantId, String paymentId, String acknowledgementId);

  /**
   * FAILED → PAID by hand: 会計課 paid a payment the accounting system reported as not made, outside it. The
   * acknowledgement id records who ({@code manual:<user>}).
   *
   * @return true if this call made the change; false if the payment was not FAILED
   */
  boolean markPaidByHand(String tenantId, String paymentId, LocalDate paidOn, String recordedBy);

  /** Whether this line of this acknowledgement file was processed before. */
  boolean lineProcessed(String tenantId, String acknowledgementId, int line);

  /** Remembers one processed line of an acknowledgement file with what was done. */
  void recordLine(String tenantId, String acknowledgementId, int line, String paymentId, String outcome);
}
