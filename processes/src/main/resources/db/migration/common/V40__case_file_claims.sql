-- Case-file intake (integrations, route case-file-intake). Plain SQL that H2 and PostgreSQL both accept.

-- Business keys that started a case, per tenant and model, kept after the case ended: the same key of the same
-- tenant never starts a second case, and the same key of another tenant is another case. The row is inserted in the
-- transaction that starts the case, so a failed start leaves no claim and of two nodes only one commits.
CREATE TABLE tz_case_file_claim (
  tenant_id           VARCHAR(64)  NOT NULL,
  process_key         VARCHAR(255) NOT NULL,
  business_key        VARCHAR(200) NOT NULL,
  process_instance_id VARCHAR(64),
  claimed_at          TIMESTAMP    NOT NULL,
  CONSTRAINT tz_case_file_claim_key UNIQUE (tenant_id, process_key, business_key)
);

-- Files a node is working on (camel-sql JdbcOrphanLockAwareIdempotentRepository layout): the node refreshes
-- createdAt while it works; a row older than the claim expiry was left by a crashed node and the file is taken again.
-- Rows are removed when the file has moved to .done or .error.
CREATE TABLE tz_case_file_lock (
  processorName VARCHAR(255) NOT NULL,
  messageId     VARCHAR(512) NOT NULL,
  createdAt     TIMESTAMP    NOT NULL,
  PRIMARY KEY (processorName, messageId)
);

-- the route's keys of the former design (kept for ever, never expiring) are not consulted any more
DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'case-file-intake';
