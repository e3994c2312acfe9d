package jp.tetsuzuki.processes.contractpayment;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which outside-system accounts are a tenant's contract system ({@code tz_contract_system_account}, V81): the
 * municipality's system that registers the tenant's contracts and reads them (attack review 3 A3). Another
 * outside-system account of the tenant that is not a supplier's system ({@link SupplierAccounts}) has no contracts:
 * it cannot register one (403) and does not find any (404). Administrators bind accounts (the demo bootstrap binds
 * {@code api-client} for both demo tenants).
 */
public class ContractSystemAccounts {

  private final JdbcTemplate jdbc;

  public ContractSystemAccounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether the account is the contract system of the tenant. */
  public boolean isContractSystem(String accountId, String tenantId) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM tz_contract_system_account WHERE account_id = ? "
        + "AND tenant_id = ?", Integer.class, accountId, tenantId);
    return n != null && n > 0;
  }

  /** Binds the account as the tenant's contract system (create-if-missing). */
  public void bind(String accountId, String tenantId, Instant now) {
    if (!isContractSystem(accountId, tenantId)) {
      jdbc.update("INSERT INTO tz_contract_system_account (account_id, tenant_id, created_at) VALUES (?, ?, ?)",
          accountId, tenantId, Timestamp.from(now));
    }
  }
}
