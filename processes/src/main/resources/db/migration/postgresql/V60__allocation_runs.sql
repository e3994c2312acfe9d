-- Stand-alone allocation runs (issue 12): one row per run, written by one INSERT (nothing half-stored). The results
-- are kept as the API answered them (JSON) and as the result CSV, so a run reads back exactly as it was answered.
CREATE TABLE tz_allocation_run (
  id                VARCHAR(36)  NOT NULL PRIMARY KEY,
  tenant_id         VARCHAR(64)  NOT NULL,
  created_by        VARCHAR(64)  NOT NULL,
  created_at        TIMESTAMP    NOT NULL,
  applicant_count   INTEGER      NOT NULL,
  facility_count    INTEGER      NOT NULL,
  placed_count      INTEGER      NOT NULL,
  applicants_sha256 VARCHAR(64)  NOT NULL,
  facilities_sha256 VARCHAR(64)  NOT NULL,
  results_json      TEXT         NOT NULL,
  result_csv        TEXT         NOT NULL
);
CREATE INDEX tz_allocation_run_tenant ON tz_allocation_run (tenant_id, created_at);
