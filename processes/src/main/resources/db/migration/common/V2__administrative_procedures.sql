-- Administrative procedures (行政手続): tenant closed days, applications, their documents and events, idempotency keys.
-- Plain SQL that H2 and PostgreSQL both accept. The document content table is vendor-specific (V3).

-- A tenant's own closed days (庁舎設備点検 etc.) on top of weekends, national holidays and 12/29-1/3.
CREATE TABLE tz_closed_day (
  tenant_id  VARCHAR(64)  NOT NULL,
  closed_on  DATE         NOT NULL,
  reason     VARCHAR(200) NOT NULL,
  PRIMARY KEY (tenant_id, closed_on)
);

-- One row per application; the process instance carries applicationId. Read by the public API without the engine.
CREATE TABLE tz_application (
  id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
  tenant_id           VARCHAR(64)   NOT NULL,
  procedure_code      VARCHAR(100)  NOT NULL,
  procedure_version   INTEGER       NOT NULL,
  process_instance_id VARCHAR(64),
  channel             VARCHAR(16)   NOT NULL,
  status              VARCHAR(32)   NOT NULL,
  stage               VARCHAR(32)   NOT NULL,
  received_on         DATE          NOT NULL,
  due_date            DATE          NOT NULL,
  clock_paused        BOOLEAN       NOT NULL,
  paused_since        DATE,
  paused_days         INTEGER       NOT NULL,
  correction_due      DATE,
  applicant_json      VARCHAR(4000) NOT NULL,
  data_json           VARCHAR(20000) NOT NULL,
  outcome             VARCHAR(32),
  outcome_reason      VARCHAR(4000),
  created_by          VARCHAR(64)   NOT NULL,
  created_at          TIMESTAMP     NOT NULL,
  updated_at          TIMESTAMP     NOT NULL
);
CREATE INDEX tz_application_tenant ON tz_application (tenant_id, procedure_code, status);
CREATE INDEX tz_application_process ON tz_application (process_instance_id);

-- Documents attached to an application, by kind of the catalog (申請書, 位置図, ...).
CREATE TABLE tz_application_document (
  application_id VARCHAR(36)  NOT NULL,
  document_id    VARCHAR(36)  NOT NULL,
  kind           VARCHAR(100) NOT NULL,
  attached_at    TIMESTAMP    NOT NULL,
  PRIMARY KEY (application_id, document_id)
);

-- Pauses of the clock (補正): requested_on .. resumed_on (null while running).
CREATE TABLE tz_application_pause (
  application_id VARCHAR(36) NOT NULL,
  requested_on   DATE        NOT NULL,
  resumed_on     DATE,
  PRIMARY KEY (application_id, requested_on)
);

-- What happened to an application, for the status API and the audit trail.
CREATE TABLE tz_application_event (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  application_id VARCHAR(36)   NOT NULL,
  event_type     VARCHAR(40)   NOT NULL,
  message        VARCHAR(4000) NOT NULL,
  actor          VARCHAR(64),
  occurred_at    TIMESTAMP     NOT NULL
);
CREATE INDEX tz_application_event_app ON tz_application_event (application_id, occurred_at);

-- Idempotency-Key of POST /api/v1/applications: the unique key makes a repeated request start nothing new, also
-- when two nodes receive it at the same time.
CREATE TABLE tz_idempotency_key (
  client_id      VARCHAR(64)  NOT NULL,
  idem_key       VARCHAR(200) NOT NULL,
  request_hash   VARCHAR(64)  NOT NULL,
  application_id VARCHAR(36)  NOT NULL,
  created_at     TIMESTAMP    NOT NULL,
  PRIMARY KEY (client_id, idem_key)
);
