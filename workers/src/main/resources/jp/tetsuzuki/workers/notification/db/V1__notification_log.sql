-- The workers' mail log (their own database, TETSUZUKI_WORKER_DB_URL): applicant notifications by dedup key
-- (process instance : event [: occurrence]). A redelivered notify-applicant task, on any worker process, finds its key
-- SENT and sends nothing. SENDING rows are claims with a lease (epoch ms) that a crashed delivery leaves behind; the
-- next delivery takes them over when the lease has ended. Plain SQL that H2 and PostgreSQL both accept; IF NOT EXISTS
-- because a database that once held the platform's own copy (its migration V30) keeps that table and its rows.
CREATE TABLE IF NOT EXISTS tz_notification_log (
  dedup_key       VARCHAR(200) NOT NULL PRIMARY KEY,
  status          VARCHAR(16)  NOT NULL,
  lease_until_ms  BIGINT       NOT NULL,
  message_id      VARCHAR(200),
  sent_at         TIMESTAMP
);
