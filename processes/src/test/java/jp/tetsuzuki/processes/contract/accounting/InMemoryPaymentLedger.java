package jp.tetsuzuki.processes.contract.accounting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link PaymentLedger} in memory, for the service's tests (the JDBC one is tested against the same scenario). */
final class InMemoryPaymentLedger implements PaymentLedger {

  private final Map<String, Payment> payments = new HashMap<>();
  private final Set<String> lines = new HashSet<>();

  @Override
  public synchronized void recordExported(PaymentBatch batch) {
    for (PaymentInstruction p : batch.payments()) {
      Payment existing = payments.get(batch.tenantId() + "/" + p.paymentId());
      if (existing != null && !existing.batchId().equals(batch.batchId())) {
        throw new IllegalStateException("payment " + p.paymentId() + " was exported in batch " + existing.batchId());
      }
      payments.putIfAbsent(batch.tenantId() + "/" + p.paymentId(), new Payment(batch.tenantId(), p.paymentId(),
          p.contractId(), batch.batchId(), p.amount(), p.lateInterest(), Status.EXPORTED, null, null, batch.createdOn()));
    }
  }

  @Override
  public synchronized Optional<Payment> find(String tenantId, String paymentId) {
    return Optional.ofNullable(payments.get(tenantId + "/" + paymentId));
  }

  @Override
  public synchronized boolean markPaid(String tenantId, String paymentId, LocalDate paidOn, String ack) {
    return settle(tenantId, paymentId, Status.PAID, paidOn, ack);
  }

  @Override
  public synchronized boolean markFailed(String tenantId, String paymentId, String ack) {
    return settle(tenantId, paymentId, Status.FAILED, null, ack);
  }

  @Override
  public synchronized boolean markPaidByHand(String tenantId, String paymentId, LocalDate paidOn, String by) {
    Payment p = payments.get(tenantId + "/" + paymentId);
    if (p == null || p.status() != Status.FAILED) {
      return false;
    }
    payments.put(tenantId + "/" + paymentId, new Payment(p.tenantId(), p.paymentId(), p.contractId(), p.batchId(),
        p.amount(), p.lateInterest(), Status.PAID, paidOn, "manual:" + by, p.exportedOn()));
    return true;
  }

  private boolean settle(String tenantId, String paymentId, Status status, LocalDate paidOn, String ack) {
    Payment p = payments.get(tenantId + "/" + paymentId);
    if (p == null || p.status() != Status.EXPORTED) {
      return false;
    }
    payments.put(tenantId + "/" + paymentId, new Payment(p.tenantId(), p.paymentId(), p.contractId(), p.batchId(),
        p.amount(), p.lateInterest(), status, paidOn, ack, p.exportedOn()));
    return true;
  }

  @Override
  public synchronized boolean lineProcessed(String tenantId, String ack, int line) {
    return lines.contains(tenantId + "/" + ack + "/" + line);
  }

  @Override
  public synchronized void recordLine(String tenantId, String ack, int line, String paymentId, String outcome) {
    if (!lines.add(tenantId + "/" + ack + "/" + line)) {
      throw new IllegalStateException("line recorded twice");
    }
  }
}
