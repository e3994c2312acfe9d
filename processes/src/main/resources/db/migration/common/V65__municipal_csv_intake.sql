-- Municipal CSV batch intake (integrations, route municipal-csv-intake).
-- One row per file content (SHA-256): a file delivered again after all its rows were registered (done) is recognised
-- whatever its name; a file whose node crashed mid-file (status in-work) is taken over; a file with refused rows
-- (failed) or stopped by a technical fault (dead-letter) may be dropped again.
-- Rows themselves are idempotent in the application service (tenant + externalId per service identity).
CREATE TABLE tz_municipal_csv_file (
  file_sha256      VARCHAR(64)  NOT NULL PRIMARY KEY,
  file_name        VARCHAR(255) NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  node             VARCHAR(100) NOT NULL,
  encoding         VARCHAR(16),
  rows_registered  INTEGER      DEFAULT 0 NOT NULL,
  rows_replayed    INTEGER      DEFAULT 0 NOT NULL,
  rows_rejected    INTEGER      DEFAULT 0 NOT NULL,
  started_at       TIMESTAMP    NOT NULL,
  finished_at      TIMESTAMP
);

-- Dead letters of the integration routes (technical faults), newest first for the operations view.
CREATE TABLE tz_route_dead_letter (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  route_id      VARCHAR(64)   NOT NULL,
  message_name  VARCHAR(255),
  reason        VARCHAR(2000) NOT NULL,
  node          VARCHAR(100)  NOT NULL,
  occurred_at   TIMESTAMP     NOT NULL
);
CREATE INDEX ix_tz_route_dead_letter_route ON tz_route_dead_letter (route_id, occurred_at);
