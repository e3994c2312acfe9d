package jp.tetsuzuki.processes.contract.accounting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@link PaymentLedger} in {@code tz_contract_payment} and {@code tz_payment_acknowledgement_line} (V56). Status
 * changes are single conditional UPDATEs ({@code … WHERE status = 'EXPORTED'}): of two concurrent applications only
 * one changes the row, and none raises an error (on PostgreSQL a failed statement would abort the transaction).
 * Writes join the caller's transaction; timestamps are UTC.
 */
public class JdbcPaymentLedger implements PaymentLedger {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public JdbcPaymentLedger(DataSource dataSource, Clock clock) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.clock = clock;
  }

  @Override
  public void recordExported(PaymentBatch batch) {
    for (PaymentInstruction p : batch.payments()) {
      Optional<Payment> existing = find(batch.tenantId(), p.paymentId());
      if (existing.isPresent()) {
        if (!existing.get().batchId().equals(batch.batchId())) {
          throw new IllegalStateException("payment " + p.paymentId() + " was exported in batch "
              + existing.get().batchId());
        }
        continue;
      }
      jdbc.update("""
          INSERT INTO tz_contract_payment (tenant_id, payment_id, contract_id, batch_id, amount, late_interest, status,
            exported_at)
          VALUES (:tenant, :payment, :contract, :batch, :amount, :interest, 'EXPORTED', :now)""",
          new MapSqlParameterSource().addValue("tenant", batch.tenantId()).addValue("payment", p.paymentId())
              .addValue("contract", p.contractId()).addValue("batch", batch.batchId()).addValue("amount", p.amount())
              .addValue("interest", p.lateInterest()).addValue("now", now()));
    }
  }

  @Override
  public Optional<Payment> find(String tenantId, String paymentId) {
    return jdbc.query("SELECT * FROM tz_contract_payment WHERE tenant_id = :tenant AND payment_id = :payment",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("payment", paymentId),
        JdbcPaymentLedger::payment).stream().findFirst();
  }

  @Override
  public boolean markPaid(String tenantId, String paymentId, LocalDate paidOn, String acknowledgementId) {
    return jdbc.update("""
        UPDATE tz_contract_payment SET status = 'PAID', paid_on = :paidOn, acknowledgement_id = :ack,
          acknowledged_at = :now
        WHERE tenant_id = :tenant AND payment_id = :payment AND status = 'EXPORTED'""",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("payment", paymentId)
            .addValue("paidOn", Date.valueOf(paidOn)).addValue("ack", acknowledgementId).addValue("now", now())) == 1;
  }

  @Override
  public boolean markFailed(String tenantId, String paymentId, String acknowledgementId) {
    return jdbc.update("""
        UPDATE tz_contract_payment SET status = 'FAILED', acknowledgement_id = :ack, acknowledged_at = :now
        WHERE tenant_id = :tenant AND payment_id = :payment AND status = 'EXPORTED'""",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("payment", paymentId)
            .addValue("ack", acknowledgementId).addValue("now", now())) == 1;
  }

  @Override
  public boolean markPaidByHand(String tenantId, String paymentId, LocalDate paidOn, String recordedBy) {
    String by = "manual:" + recordedBy;
    return jdbc.update("""
        UPDATE tz_contract_payment SET status = 'PAID', paid_on = :paidOn, acknowledgement_id = :ack,
          acknowledged_at = :now
        WHERE tenant_id = :tenant AND payment_id = :payment AND status = 'FAILED'""",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("payment", paymentId)
            .addValue("paidOn", Date.valueOf(paidOn)).addValue("ack", by.length() > 64 ? by.substring(0, 64) : by)
            .addValue("now", now())) == 1;
  }

  @Override
  public boolean lineProcessed(String tenantId, String acknowledgementId, int line) {
    Integer count = jdbc.queryForObject("""
        SELECT COUNT(*) FROM tz_payment_acknowledgement_line
        WHERE tenant_id = :tenant AND acknowledgement_id = :ack AND line_no = :line""",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("ack", acknowledgementId)
            .addValue("line", line), Integer.class);
    return count != null && count > 0;
  }

  @Override
  public void recordLine(String tenantId, String acknowledgementId, int line, String paymentId, String outcome) {
    jdbc.update("""
        INSERT INTO tz_payment_acknowledgement_line (tenant_id, acknowledgement_id, line_no, payment_id, outcome,
          processed_at)
        VALUES (:tenant, :ack, :line, :payment, :outcome, :now)""",
        new MapSqlParameterSource().addValue("tenant", tenantId).addValue("ack", acknowledgementId)
            .addValue("line", line).addValue("payment", paymentId).addValue("outcome", outcome)
            .addValue("now", now()));
  }

  private Timestamp now() {
    return Timestamp.valueOf(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private static Payment payment(ResultSet rs, int row) throws SQLException {
    Date paidOn = rs.getDate("paid_on");
    return new Payment(rs.getString("tenant_id"), rs.getString("payment_id"), rs.getString("contract_id"),
        rs.getString("batch_id"), rs.getLong("amount"), rs.getLong("late_interest"),
        Status.valueOf(rs.getString("status")), paidOn == null ? null : paidOn.toLocalDate(),
        rs.getString("acknowledgement_id"), rs.getTimestamp("exported_at").toLocalDateTime().atOffset(ZoneOffset.UTC)
            .atZoneSameInstant(jp.tetsuzuki.bpmn.rules.JapanTime.ZONE).toLocalDate());
  }
}
