-- Applicant notifications by dedup key (process instance : event [: occurrence]): a redelivered notify-applicant task
-- finds its key SENT and sends nothing. SENDING rows are claims with a lease (epoch ms) that a crashed delivery leaves
-- behind; the next delivery takes them over when the lease has ended. Plain SQL that H2 and PostgreSQL both accept.
CREATE TABLE tz_notification_log (
  dedup_key       VARCHAR(200) NOT NULL PRIMARY KEY,
  status          VARCHAR(16)  NOT NULL,
  lease_until_ms  BIGINT       NOT NULL,
  message_id      VARCHAR(200),
  sent_at         TIMESTAMP
);
