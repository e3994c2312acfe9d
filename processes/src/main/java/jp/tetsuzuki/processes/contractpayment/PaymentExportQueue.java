package jp.tetsuzuki.processes.contractpayment;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.tetsuzuki.bpmn.rules.JapanTime;
import jp.tetsuzuki.processes.contract.accounting.PaymentBatch;
import jp.tetsuzuki.processes.contract.accounting.PaymentInstruction;
import jp.tetsuzuki.processes.contract.accounting.PaymentInstructionFile;
import jp.tetsuzuki.processes.contract.accounting.PaymentLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approved payments waiting for the accounting export and the batches they form (V69): the model's export step
 * queues a payment ({@link #enqueue}); the route {@code accounting-export} asks for due batches ({@link #claim}) and
 * confirms each written file ({@link #written}). One file per batch, several cases per file.
 *
 * <p>Exactly one batch per payment, whatever the number of nodes: a payment joins a batch by
 * {@code UPDATE … SET batch_id = ? WHERE … AND batch_id IS NULL}, which only one transaction can win (PostgreSQL
 * makes a second one wait for the first and then finds the row taken). The batch is leased to the node that formed
 * it; a batch still CREATED after its lease (the node stopped between forming and writing) is leased again to one node
 * by a conditional update and written again with the same content (same id, same payments, same day).
 */
public class PaymentExportQueue {

  static final String CREATED = "CREATED";
  static final String WRITTEN = "WRITTEN";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final RowMapper<PaymentInstruction> INSTRUCTION = (rs, n) -> new PaymentInstruction(
      rs.getString("payment_id"), rs.getString("contract_id"), rs.getString("payee_name"),
      rs.getString("registration_number"), rs.getLong("amount"), rs.getLong("late_interest"),
      rs.getDate("due_on").toLocalDate());

  /** A batch to write: the platform's file layout, rendered. */
  public record Claimed(PaymentBatch batch, String fileName, byte[] content, boolean again) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final PaymentLedger ledger;
  private final ContractCaseStore store;
  private final Clock clock;
  private final PaymentInstructionFile file = new PaymentInstructionFile();

  public PaymentExportQueue(JdbcTemplate jdbc, TransactionTemplate tx, PaymentLedger ledger, ContractCaseStore store,
      Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.ledger = ledger;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Queues an approved payment (in the caller's transaction: the model's export job). The same payment again is left
   * as it is.
   */
  public void enqueue(String tenantId, PaymentInstruction p) {
    Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM tz_payment_export_queue WHERE tenant_id = ? AND "
        + "payment_id = ?", Integer.class, tenantId, p.paymentId());
    if (known != null && known > 0) {
      return;
    }
    jdbc.update("INSERT INTO tz_payment_export_queue (tenant_id, payment_id, contract_id, payee_name, "
        + "registration_number, amount, late_interest, due_on, queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tenantId,
        p.paymentId(), p.contractId(), p.payeeName(), p.registrationNumber(), p.amount(), p.lateInterest(),
        java.sql.Date.valueOf(p.dueOn()), Timestamp.from(clock.instant()));
  }

  /** How many payments of the tenant wait for a batch. */
  public int waiting(String tenantId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_payment_export_queue WHERE tenant_id = ? AND batch_id "
        + "IS NULL", Integer.class, tenantId);
    return n == null ? 0 : n;
  }

  /**
   * The next batch of the tenant to write: one formed before whose lease ran out, else a new one when
   * {@code maxPayments} wait or the oldest waited {@code collectFor}; empty when none is due. One transaction.
   */
  public Optional<Claimed> claim(String tenantId, int maxPayments, Duration collectFor, Duration lease, String node) {
    return tx.execute(status -> {
      Instant now = clock.instant();
      Timestamp leaseUntil = Timestamp.from(now.plus(lease));
      for (String stale : jdbc.queryForList("SELECT batch_id FROM tz_payment_export_batch WHERE tenant_id = ? AND "
          + "status = ? AND lease_until < ? ORDER BY created_at", String.class, tenantId, CREATED, Timestamp.from(now))) {
        if (jdbc.update("UPDATE tz_payment_export_batch SET lease_until = ?, node = ? WHERE batch_id = ? AND status = ?"
            + " AND lease_until < ?", leaseUntil, node, stale, CREATED, Timestamp.from(now)) == 1) {
          return Optional.of(render(load(stale), true));
        }
      }
      Object[] waiting = jdbc.queryForObject("SELECT COUNT(*), MIN(queued_at) FROM tz_payment_export_queue "
          + "WHERE tenant_id = ? AND batch_id IS NULL", (rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)},
          tenantId);
      long count = (Long) waiting[0];
      if (count == 0) {
        return Optional.<Claimed>empty();
      }
      Instant oldest = ((Timestamp) waiting[1]).toInstant();
      if (count < maxPayments && oldest.isAfter(now.minus(collectFor))) {
        return Optional.<Claimed>empty(); // not due yet: more payments may join
      }
      LocalDate today = LocalDate.ofInstant(now, JapanTime.ZONE);
      String batchId = "B" + today.toString().replace("-", "") + "-" + HexFormat.of().withUpperCase()
          .formatHex(randomBytes(5));
      String fileName = "payment-" + tenantId + "-" + batchId + ".dat";
      jdbc.update("INSERT INTO tz_payment_export_batch (batch_id, tenant_id, created_on, created_at, file_name, "
          + "payments, status, node, lease_until) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)", batchId, tenantId,
          java.sql.Date.valueOf(today), Timestamp.from(now), fileName, CREATED, node, leaseUntil);
      List<String> candidates = jdbc.queryForList("SELECT payment_id FROM tz_payment_export_queue WHERE tenant_id = ? "
          + "AND batch_id IS NULL ORDER BY queued_at, payment_id", String.class, tenantId);
      int joined = 0;
      for (String paymentId : candidates) {
        if (joined == maxPayments) {
          break;
        }
        // only one transaction wins a waiting payment; another node's batch may have taken it meanwhile
        joined += jdbc.update("UPDATE tz_payment_export_queue SET batch_id = ? WHERE tenant_id = ? AND payment_id = ?"
            + " AND batch_id IS NULL", batchId, tenantId, paymentId);
      }
      if (joined == 0) {
        status.setRollbackOnly();
        return Optional.<Claimed>empty();
      }
      jdbc.update("UPDATE tz_payment_export_batch SET payments = ? WHERE batch_id = ?", joined, batchId);
      PaymentBatch batch = load(batchId);
      ledger.recordExported(batch);
      for (PaymentInstruction p : batch.payments()) {
        store.exported(tenantId, p.contractId(), p.paymentId(), p.lateInterest());
      }
      return Optional.of(render(batch, false));
    });
  }

  /** The batch's file is in the outbox: the cases record it. False when it had been recorded before. */
  public boolean written(String tenantId, String batchId) {
    return Boolean.TRUE.equals(tx.execute(status -> {
      Instant now = clock.instant();
      if (jdbc.update("UPDATE tz_payment_export_batch SET status = ?, written_at = ? WHERE batch_id = ? AND "
          + "tenant_id = ? AND status = ?", WRITTEN, Timestamp.from(now), batchId, tenantId, CREATED) == 0) {
        return false;
      }
      PaymentBatch batch = load(batchId);
      String fileName = batch.fileName();
      for (PaymentInstruction p : batch.payments()) {
        store.event(tenantId, p.contractId(), now, "payment-exported", "支払指示ファイル " + fileName + " を出力しました（"
            + batch.payments().size() + "件をまとめた支払指示、支払番号 " + p.paymentId() + "、支払額 " + p.amount() + "円"
            + (p.lateInterest() > 0 ? "、遅延利息 " + p.lateInterest() + "円" : "") + "）。");
      }
      return true;
    }));
  }

  /** The status of a batch (CREATED, WRITTEN), for tests and operations. */
  public Optional<String> status(String batchId) {
    return jdbc.queryForList("SELECT status FROM tz_payment_export_batch WHERE batch_id = ?", String.class, batchId)
        .stream().findFirst();
  }

  private PaymentBatch load(String batchId) {
    Object[] row = jdbc.queryForObject("SELECT tenant_id, created_on FROM tz_payment_export_batch WHERE batch_id = ?",
        (rs, n) -> new Object[] {rs.getString(1), rs.getDate(2).toLocalDate()}, batchId);
    String tenantId = (String) row[0];
    LocalDate createdOn = (LocalDate) row[1];
    List<PaymentInstruction> payments = jdbc.query("SELECT * FROM tz_payment_export_queue WHERE tenant_id = ? AND "
        + "batch_id = ? ORDER BY queued_at, payment_id", INSTRUCTION, tenantId, batchId);
    return new PaymentBatch(tenantId, batchId, createdOn, payments);
  }

  private Claimed render(PaymentBatch batch, boolean again) {
    return new Claimed(batch, batch.fileName(), file.render(batch), again);
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
