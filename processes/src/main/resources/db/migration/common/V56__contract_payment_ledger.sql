-- Payments exported to the accounting system and their outcome (PaymentLedger, JdbcPaymentLedger), and the lines of
-- acknowledgement files already processed, so that the same acknowledgement twice pays nothing twice.
-- Plain SQL that H2 and PostgreSQL both accept.
CREATE TABLE tz_contract_payment (
  tenant_id          VARCHAR(64)  NOT NULL,
  payment_id         VARCHAR(20)  NOT NULL,
  contract_id        VARCHAR(64)  NOT NULL,
  batch_id           VARCHAR(20)  NOT NULL,
  amount             BIGINT       NOT NULL,
  late_interest      BIGINT       NOT NULL,
  -- EXPORTED, then PAID or FAILED exactly once (conditional updates)
  status             VARCHAR(16)  NOT NULL,
  exported_at        TIMESTAMP    NOT NULL,
  paid_on            DATE,
  acknowledgement_id VARCHAR(64),
  acknowledged_at    TIMESTAMP,
  PRIMARY KEY (tenant_id, payment_id)
);
CREATE INDEX tz_contract_payment_batch ON tz_contract_payment (tenant_id, batch_id);
CREATE INDEX tz_contract_payment_contract ON tz_contract_payment (tenant_id, contract_id);

-- acknowledgement_id: SHA-256 of the file's bytes (the same file under another name is the same file)
CREATE TABLE tz_payment_acknowledgement_line (
  tenant_id          VARCHAR(64)  NOT NULL,
  acknowledgement_id VARCHAR(64)  NOT NULL,
  line_no            INTEGER      NOT NULL,
  payment_id         VARCHAR(20)  NOT NULL,
  outcome            VARCHAR(32)  NOT NULL,
  processed_at       TIMESTAMP    NOT NULL,
  PRIMARY KEY (tenant_id, acknowledgement_id, line_no)
);
