-- Childcare enrollment gaps (issue 12): base points kept apart from the total (a tie-break criterion of the tenants),
-- the intake channel (api / paper), the paper's own key (a paper registered twice is refused: same tenant, same
-- content), and the per-child result of a household's offer (one offer per application, each child's place).
ALTER TABLE tz_childcare_application ADD COLUMN base_points INTEGER;
ALTER TABLE tz_childcare_application ADD COLUMN channel VARCHAR(16);
ALTER TABLE tz_childcare_application ADD COLUMN paper_key VARCHAR(80);
ALTER TABLE tz_childcare_application ADD COLUMN result_children_json TEXT;
CREATE UNIQUE INDEX tz_childcare_application_paper ON tz_childcare_application (tenant_id, paper_key);
