-- The municipality's contract systems (attack review 3 A3): an outside-system account (group api-clients) bound as
-- the contract system of a tenant registers that tenant's contracts and reads them (ContractSystemAccounts). An
-- api-clients account bound neither here nor as a supplier (tz_supplier_account, V59) has no contracts: 403 on
-- POST /api/v1/contracts, 404 on a contract. The accounts that registered contracts so far keep doing so.
CREATE TABLE tz_contract_system_account (
  account_id VARCHAR(64) NOT NULL,
  tenant_id  VARCHAR(64) NOT NULL,
  created_at TIMESTAMP   NOT NULL,
  PRIMARY KEY (account_id, tenant_id)
);
INSERT INTO tz_contract_system_account (account_id, tenant_id, created_at)
  SELECT DISTINCT submitted_by, tenant_id, CURRENT_TIMESTAMP FROM tz_contract_case;

-- The completion notice's Idempotency-Key covers its whole request (attack review 3 A5): the request's SHA-256.
ALTER TABLE tz_contract_inspection ADD COLUMN notice_sha256 VARCHAR(64);
