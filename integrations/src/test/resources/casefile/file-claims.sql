-- The file-claim table as the platform's migration V40__case_file_claims.sql creates it (processes module).
CREATE TABLE tz_case_file_lock (
  processorName VARCHAR(255) NOT NULL,
  messageId     VARCHAR(512) NOT NULL,
  createdAt     TIMESTAMP    NOT NULL,
  PRIMARY KEY (processorName, messageId)
);
