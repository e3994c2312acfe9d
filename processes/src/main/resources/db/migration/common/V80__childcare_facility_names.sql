-- Childcare (newcomer review 7): the facilities' names as the latest allocation round of the tenant read them, so
-- offers and enrollments name the facility (さくら保育園（F-10）), not only its id.
CREATE TABLE tz_childcare_facility_name (
  tenant_id           VARCHAR(64)  NOT NULL,
  facility_id         VARCHAR(64)  NOT NULL,
  name                VARCHAR(200) NOT NULL,
  PRIMARY KEY (tenant_id, facility_id)
);
