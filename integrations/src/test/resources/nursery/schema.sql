-- The tables of the platform's V75__nursery_systems.sql the routes use, and the dead letters of V65, for route tests
-- without the platform's migrations (on PostgreSQL in a schema of the test's own, created if missing).
CREATE TABLE IF NOT EXISTS tz_nursery_system (
  system_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  tenant_id        VARCHAR(64)  NOT NULL,
  account_id       VARCHAR(64)  NOT NULL,
  name             VARCHAR(200) NOT NULL,
  updated_at       TIMESTAMP    NOT NULL
);
CREATE TABLE IF NOT EXISTS tz_nursery_facility (
  tenant_id        VARCHAR(64)  NOT NULL,
  facility_id      VARCHAR(64)  NOT NULL,
  name             VARCHAR(200) NOT NULL,
  system_id        VARCHAR(64)  NOT NULL,
  PRIMARY KEY (tenant_id, facility_id)
);
CREATE TABLE IF NOT EXISTS tz_nursery_outbox (
  id               VARCHAR(36)  NOT NULL PRIMARY KEY,
  idempotency_key  VARCHAR(200) NOT NULL,
  tenant_id        VARCHAR(64)  NOT NULL,
  kind             VARCHAR(16)  NOT NULL,
  application_id   VARCHAR(36)  NOT NULL,
  facility_id      VARCHAR(64)  NOT NULL,
  system_id        VARCHAR(64),
  payload_json     VARCHAR(4000) NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  attempts         INTEGER      DEFAULT 0 NOT NULL,
  next_attempt_at  TIMESTAMP    NOT NULL,
  claimed_by       VARCHAR(100),
  claimed_until    TIMESTAMP,
  last_error       VARCHAR(2000),
  created_at       TIMESTAMP    NOT NULL,
  delivered_at     TIMESTAMP,
  CONSTRAINT tz_nursery_outbox_key UNIQUE (idempotency_key)
);
CREATE TABLE IF NOT EXISTS tz_route_dead_letter (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  route_id      VARCHAR(64)   NOT NULL,
  message_name  VARCHAR(255),
  reason        VARCHAR(2000) NOT NULL,
  node          VARCHAR(100)  NOT NULL,
  occurred_at   TIMESTAMP     NOT NULL
);
