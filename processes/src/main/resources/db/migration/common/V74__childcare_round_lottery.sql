-- Childcare allocation rounds (issue 12): the published lottery (抽選番号) of each round. The seed is drawn once, at the
-- round's first run, and recorded; each application's number follows from the seed and its id (a re-run before
-- approval reads the numbers stored here, an application that joined later gets the next numbers in seed order).
CREATE TABLE tz_childcare_round_lottery (
  round_id            VARCHAR(64)  NOT NULL PRIMARY KEY,
  tenant_id           VARCHAR(64)  NOT NULL,
  seed                VARCHAR(64)  NOT NULL,
  drawn_at            TIMESTAMP    NOT NULL
);
CREATE TABLE tz_childcare_lottery_number (
  round_id            VARCHAR(64)  NOT NULL,
  application_id      VARCHAR(36)  NOT NULL,
  lottery_number      INTEGER      NOT NULL,
  PRIMARY KEY (round_id, application_id),
  CONSTRAINT tz_childcare_lottery_number_unique UNIQUE (round_id, lottery_number)
);
ALTER TABLE tz_childcare_round_result ADD COLUMN lottery_number INTEGER;
