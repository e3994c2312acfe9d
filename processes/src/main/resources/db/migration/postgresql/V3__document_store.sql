-- Document store: uploaded files as BYTEA, transactional and shared by every node. Types are detected from content.
CREATE TABLE tz_document (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id   VARCHAR(64)  NOT NULL,
  file_name   VARCHAR(255),
  media_type  VARCHAR(100) NOT NULL,
  size_bytes  BIGINT       NOT NULL,
  sha256      VARCHAR(64)  NOT NULL,
  content     BYTEA         NOT NULL,
  created_by  VARCHAR(64)  NOT NULL,
  created_at  TIMESTAMP    NOT NULL
);
CREATE INDEX tz_document_tenant ON tz_document (tenant_id, created_at);
