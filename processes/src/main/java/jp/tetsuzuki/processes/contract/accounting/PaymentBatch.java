package jp.tetsuzuki.processes.contract.accounting;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The payments of one export: one file per batch.
 *
 * @param tenantId  the municipality, 1..32 of [a-z0-9-] (it names the file)
 * @param batchId   1..20 of [A-Za-z0-9-] (it names the file)
 * @param createdOn the day of the export (JST)
 * @param payments  1..{@value #MAX_PAYMENTS} payments with distinct ids
 */
public record PaymentBatch(String tenantId, String batchId, LocalDate createdOn, List<PaymentInstruction> payments) {

  public static final int MAX_PAYMENTS = 99_999;

  public PaymentBatch {
    if (tenantId == null || !tenantId.matches("[a-z0-9-]{1,32}")) {
      throw new IllegalArgumentException("tenantId must be 1..32 of a-z, 0-9 or '-'");
    }
    if (batchId == null || !batchId.matches("[A-Za-z0-9-]{1,20}")) {
      throw new IllegalArgumentException("batchId must be 1..20 ASCII letters, digits or '-'");
    }
    if (createdOn == null) {
      throw new IllegalArgumentException("createdOn must not be null");
    }
    if (payments == null || payments.isEmpty() || payments.size() > MAX_PAYMENTS) {
      throw new IllegalArgumentException("payments must hold 1.." + MAX_PAYMENTS + " payments");
    }
    payments = List.copyOf(payments);
    Set<String> ids = new HashSet<>();
    for (PaymentInstruction p : payments) {
      if (!ids.add(p.paymentId())) {
        throw new IllegalArgumentException("payments: paymentId " + p.paymentId() + " appears twice");
      }
    }
  }

  /** The file name: {@code payment-<tenant>-<batch>.dat}. */
  public String fileName() {
    return "payment-" + tenantId + "-" + batchId + ".dat";
  }
}
