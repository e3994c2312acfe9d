-- the dead-letter table of the platform's V65__municipal_csv_intake.sql, for route tests without the platform's migrations
CREATE TABLE IF NOT EXISTS tz_route_dead_letter (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  route_id      VARCHAR(64)   NOT NULL,
  message_name  VARCHAR(255),
  reason        VARCHAR(2000) NOT NULL,
  node          VARCHAR(100)  NOT NULL,
  occurred_at   TIMESTAMP     NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_tz_route_dead_letter_route ON tz_route_dead_letter (route_id, occurred_at);
