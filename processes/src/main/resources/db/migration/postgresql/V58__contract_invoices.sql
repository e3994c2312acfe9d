-- Invoices received for contract-payment cases (issue 11): the file as received (BYTEA), its verdict and problems.
-- status: RECEIVED (validation pending or retrying), VALID, INVALID (returned to the supplier).
CREATE TABLE tz_contract_invoice (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id      VARCHAR(64)  NOT NULL,
  contract_id    VARCHAR(64)  NOT NULL,
  invoice_number VARCHAR(200),
  received_on    DATE         NOT NULL,
  received_at    TIMESTAMP    NOT NULL,
  submitted_by   VARCHAR(64)  NOT NULL,
  idempotency_key VARCHAR(128) NOT NULL,
  sha256         VARCHAR(64)  NOT NULL,
  content        BYTEA NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  problems_json  VARCHAR(20000),
  payable_amount BIGINT,
  returned_on    DATE,
  CONSTRAINT tz_contract_invoice_idem UNIQUE (tenant_id, submitted_by, idempotency_key)
);
CREATE INDEX tz_contract_invoice_contract ON tz_contract_invoice (contract_id, received_at);
