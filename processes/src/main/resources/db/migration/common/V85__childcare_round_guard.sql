-- Review C9: rounds of one tenant whose application sets overlap (the same fiscal year) run one at a time, and a
-- round publishes only to applications that are still as it collected them.
-- result_version counts the round results written to an application (a compare-and-set token for publishing).
ALTER TABLE tz_childcare_application ADD COLUMN result_version INTEGER DEFAULT 0 NOT NULL;

-- The open round of a tenant and fiscal year (one row: the primary key refuses a second one, also under a race).
CREATE TABLE tz_childcare_round_open (
  tenant_id        VARCHAR(64)  NOT NULL,
  fiscal_year      INTEGER      NOT NULL,
  round_id         VARCHAR(64)  NOT NULL,
  admission_month  VARCHAR(7)   NOT NULL,
  opened_at        TIMESTAMP    NOT NULL,
  PRIMARY KEY (tenant_id, fiscal_year)
);

-- What a round's last run collected: each application with its stage and result_version at that moment.
CREATE TABLE tz_childcare_round_collected (
  round_id         VARCHAR(64)  NOT NULL,
  application_id   VARCHAR(36)  NOT NULL,
  stage            VARCHAR(32)  NOT NULL,
  result_version   INTEGER      NOT NULL,
  PRIMARY KEY (round_id, application_id)
);

-- The round's own history (started, re-run, approved, cancelled, approval refused), with who and when.
CREATE TABLE tz_childcare_round_event (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  round_id         VARCHAR(64)   NOT NULL,
  tenant_id        VARCHAR(64)   NOT NULL,
  occurred_at      TIMESTAMP     NOT NULL,
  kind             VARCHAR(32)   NOT NULL,
  text_ja          VARCHAR(1000) NOT NULL,
  actor            VARCHAR(64)
);
CREATE INDEX tz_childcare_round_event_round ON tz_childcare_round_event (round_id, occurred_at);
