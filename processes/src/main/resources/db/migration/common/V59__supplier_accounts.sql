-- Supplier systems (issue 11): an outside-system account (group api-clients) bound to one supplier's 法人番号 in one
-- tenant. Such an account sees only the contracts whose supplier has that 法人番号 (a contract of another supplier
-- is "not found"), may announce completion and hand in invoices, and cannot register contracts. An api-clients
-- account without a row here is the municipality's own contract system.
CREATE TABLE tz_supplier_account (
  account_id       VARCHAR(64) NOT NULL,
  tenant_id        VARCHAR(64) NOT NULL,
  corporate_number VARCHAR(13) NOT NULL,
  created_at       TIMESTAMP   NOT NULL,
  PRIMARY KEY (account_id, tenant_id)
);
