-- The applicants' mail log moved to the workers' own database (workers/…/notification/db/V1__notification_log.sql,
-- migrated by the workers with history table tz_worker_schema_history). The platform's copy of V30 is read and
-- written by nothing since; it goes. Plain SQL that H2 and PostgreSQL both accept.
DROP TABLE IF EXISTS tz_notification_log;
