-- Childcare review fixes (issue 12, reviews F10, F10b, F11).
-- One row per child and guardian of an application: a hash of the child's name, birth date and the guardian's name
-- (NFKC, white space removed), so the same child cannot be applied for twice for one tenant and admission month.
CREATE TABLE tz_childcare_child_key (
  tenant_id           VARCHAR(64)  NOT NULL,
  admission_month     VARCHAR(7)   NOT NULL,
  child_key           VARCHAR(64)  NOT NULL,
  application_id      VARCHAR(36)  NOT NULL,
  PRIMARY KEY (tenant_id, admission_month, child_key)
);
CREATE INDEX tz_childcare_child_key_application ON tz_childcare_child_key (application_id);

-- What staff confirmed of the parent's declaration (work of guardians without a verified certificate, the
-- household's adjustments, the current facility of a transfer): the only values points and rounds use.
CREATE TABLE tz_childcare_declaration (
  application_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
  confirmed_json      TEXT         NOT NULL,
  confirmed_by        VARCHAR(64),
  confirmed_at        TIMESTAMP    NOT NULL
);
