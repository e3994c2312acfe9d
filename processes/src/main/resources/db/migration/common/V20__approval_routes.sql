-- Approval routes (決裁): organisation data for approver resolution, substitutes, routes, steps and the action log.
-- Plain SQL that H2 and PostgreSQL both accept.

-- Organisation units per tenant: 課 (KA) under 部 (BU) under 局 (KYOKU). A reorganisation changes these rows.
CREATE TABLE tz_org_unit (
  tenant_id    VARCHAR(64)  NOT NULL,
  code         VARCHAR(64)  NOT NULL,
  name         VARCHAR(200) NOT NULL,
  unit_level   VARCHAR(8)   NOT NULL,
  parent_code  VARCHAR(64),
  head_user_id VARCHAR(64),
  PRIMARY KEY (tenant_id, code)
);

-- 代理: a substitute may act for the principal between two dates (inclusive, Asia/Tokyo).
CREATE TABLE tz_approval_substitute (
  id             VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id      VARCHAR(64)  NOT NULL,
  principal_id   VARCHAR(64)  NOT NULL,
  substitute_id  VARCHAR(64)  NOT NULL,
  valid_from     DATE         NOT NULL,
  valid_to       DATE         NOT NULL,
  created_by     VARCHAR(64)  NOT NULL,
  created_at     TIMESTAMP    NOT NULL,
  -- when the substitute was made a candidate of the principal's open tasks, and when that was taken back
  linked_at      TIMESTAMP,
  unlinked_at    TIMESTAMP
);
CREATE INDEX tz_approval_substitute_principal ON tz_approval_substitute (tenant_id, principal_id, valid_to);
CREATE INDEX tz_approval_substitute_substitute ON tz_approval_substitute (tenant_id, substitute_id, valid_to);

-- One row per approval-route instance.
CREATE TABLE tz_approval_route (
  process_instance_id VARCHAR(64)   NOT NULL PRIMARY KEY,
  tenant_id           VARCHAR(64)   NOT NULL,
  subject             VARCHAR(500)  NOT NULL,
  kind                VARCHAR(32)   NOT NULL,
  amount              BIGINT        NOT NULL,
  department          VARCHAR(64)   NOT NULL,
  procedure_code      VARCHAR(64),
  originator          VARCHAR(64)   NOT NULL,
  status              VARCHAR(16)   NOT NULL,
  current_position    INTEGER       NOT NULL,
  created_at          TIMESTAMP     NOT NULL,
  ended_at            TIMESTAMP
);

-- Steps of a route; 合議 steps have one row per consulted user at the same position.
CREATE TABLE tz_approval_step (
  process_instance_id VARCHAR(64)  NOT NULL,
  position            INTEGER      NOT NULL,
  participant         INTEGER      NOT NULL,
  kind                VARCHAR(16)  NOT NULL,
  role                VARCHAR(16),
  department          VARCHAR(64),
  user_id             VARCHAR(64)  NOT NULL,
  step_days           INTEGER      NOT NULL,
  status              VARCHAR(16)  NOT NULL,
  added_by            VARCHAR(64),
  escalated_to        VARCHAR(64),
  PRIMARY KEY (process_instance_id, position, participant)
);

-- Every action on a route: who, when, what, comment, on behalf of whom, at which step.
CREATE TABLE tz_approval_action (
  id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
  process_instance_id VARCHAR(64)   NOT NULL,
  tenant_id           VARCHAR(64)   NOT NULL,
  seq                 INTEGER       NOT NULL,
  position            INTEGER       NOT NULL,
  step_kind           VARCHAR(16),
  action              VARCHAR(32)   NOT NULL,
  actor_id            VARCHAR(64),
  on_behalf_of        VARCHAR(64),
  comment_text        VARCHAR(2000),
  target_position     INTEGER,
  acted_at            TIMESTAMP     NOT NULL
);
CREATE UNIQUE INDEX tz_approval_action_seq ON tz_approval_action (process_instance_id, seq);
