-- Childcare allocation rounds (issue 12): the proposed result of a round instance, one row per child, replaced by a
-- re-run until staff approve; published_at marks the results delivered to the applications (exactly once).
CREATE TABLE tz_childcare_round_result (
  round_id            VARCHAR(64)  NOT NULL,
  tenant_id           VARCHAR(64)  NOT NULL,
  application_id      VARCHAR(36)  NOT NULL,
  child_id            VARCHAR(64)  NOT NULL,
  facility_id         VARCHAR(64),
  outcome             VARCHAR(16)  NOT NULL,
  summary_ja          VARCHAR(2000) NOT NULL,
  published_at        TIMESTAMP,
  PRIMARY KEY (round_id, application_id, child_id)
);
