-- Payment instruction files per batch (route accounting-export, PaymentExportQueue): the approved payments waiting
-- for export, and the batches (one file each) they joined. A payment joins one batch only: the conditional update
-- "batch_id IS NULL" lets exactly one node take it. A batch formed by a node that stopped before writing its file
-- (status CREATED, lease over) is written again by another node with the same content. Plain SQL for H2 and PostgreSQL.
CREATE TABLE tz_payment_export_batch (
  batch_id     VARCHAR(20)  NOT NULL PRIMARY KEY,
  tenant_id    VARCHAR(64)  NOT NULL,
  created_on   DATE         NOT NULL,
  created_at   TIMESTAMP    NOT NULL,
  file_name    VARCHAR(100) NOT NULL,
  payments     INTEGER      NOT NULL,
  -- CREATED (formed, file not yet confirmed), WRITTEN (the file is in the outbox)
  status       VARCHAR(16)  NOT NULL,
  node         VARCHAR(100) NOT NULL,
  lease_until  TIMESTAMP    NOT NULL,
  written_at   TIMESTAMP
);
CREATE INDEX tz_payment_export_batch_open ON tz_payment_export_batch (tenant_id, status, lease_until);

CREATE TABLE tz_payment_export_queue (
  tenant_id           VARCHAR(64)  NOT NULL,
  payment_id          VARCHAR(20)  NOT NULL,
  contract_id         VARCHAR(64)  NOT NULL,
  payee_name          VARCHAR(200) NOT NULL,
  registration_number VARCHAR(14),
  amount              BIGINT       NOT NULL,
  late_interest       BIGINT       NOT NULL,
  due_on              DATE         NOT NULL,
  queued_at           TIMESTAMP    NOT NULL,
  -- the batch it joined, null while it waits
  batch_id            VARCHAR(20),
  PRIMARY KEY (tenant_id, payment_id)
);
CREATE INDEX tz_payment_export_queue_waiting ON tz_payment_export_queue (tenant_id, batch_id, queued_at);
