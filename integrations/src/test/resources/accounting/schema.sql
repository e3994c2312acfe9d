-- The tables as the platform's migrations V40__case_file_claims.sql and V65__municipal_csv_intake.sql create them.
DROP TABLE IF EXISTS tz_case_file_lock;
DROP TABLE IF EXISTS tz_route_dead_letter;
CREATE TABLE tz_case_file_lock (
  processorName VARCHAR(255) NOT NULL,
  messageId     VARCHAR(512) NOT NULL,
  createdAt     TIMESTAMP    NOT NULL,
  PRIMARY KEY (processorName, messageId)
);
CREATE TABLE tz_route_dead_letter (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  route_id      VARCHAR(64)   NOT NULL,
  message_name  VARCHAR(255),
  reason        VARCHAR(2000) NOT NULL,
  node          VARCHAR(100)  NOT NULL,
  occurred_at   TIMESTAMP     NOT NULL
);
