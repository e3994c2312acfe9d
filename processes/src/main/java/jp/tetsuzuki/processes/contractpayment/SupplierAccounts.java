package jp.tetsuzuki.processes.contractpayment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which outside-system accounts are suppliers' systems ({@code tz_supplier_account}, V59): an account bound to a
 * supplier's 法人番号 in a tenant. Administrators bind accounts (the demo bootstrap binds {@code supplier-marumaru}).
 */
public class SupplierAccounts {

  private final JdbcTemplate jdbc;

  public SupplierAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The 法人番号 the account acts for in the tenant, or empty for the municipality's own systems. */
  public Optional<String> corporateNumber(String accountId, String tenantId) {
    return jdbc.queryForList("SELECT corporate_number FROM tz_supplier_account WHERE account_id = ? AND tenant_id = ?",
        String.class, accountId, tenantId).stream().findFirst();
  }

  /** Whether the account is a supplier's system in any tenant. */
  public boolean isSupplier(String accountId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_supplier_account WHERE account_id = ?", Integer.class,
        accountId);
    return n != null && n > 0;
  }

  /** Binds the account (create-if-missing). */
  public void bind(String accountId, String tenantId, String corporateNumber, Instant now) {
    if (corporateNumber(accountId, tenantId).isEmpty()) {
      jdbc.update("INSERT INTO tz_supplier_account (account_id, tenant_id, corporate_number, created_at) "
          + "VALUES (?, ?, ?, ?)", accountId, tenantId, corporateNumber, Timestamp.from(now));
    }
  }
}
