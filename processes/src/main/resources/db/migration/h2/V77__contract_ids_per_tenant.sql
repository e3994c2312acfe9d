-- Contract ids are unique per tenant (review F4 of issue 11): each tenant's contract system numbers its own
-- contracts, so one tenant can neither learn nor take another tenant's ids. The case is keyed by (tenant_id, id) and
-- every table of the case names the tenant. H2 spelling (PostgreSQL: ../postgresql/V77).
ALTER TABLE tz_contract_case DROP PRIMARY KEY;
ALTER TABLE tz_contract_case ADD CONSTRAINT tz_contract_case_pk PRIMARY KEY (tenant_id, id);

ALTER TABLE tz_contract_item ADD COLUMN tenant_id VARCHAR(64);
UPDATE tz_contract_item i SET tenant_id = (SELECT c.tenant_id FROM tz_contract_case c WHERE c.id = i.contract_id);
ALTER TABLE tz_contract_item ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE tz_contract_item DROP PRIMARY KEY;
ALTER TABLE tz_contract_item ADD CONSTRAINT tz_contract_item_pk PRIMARY KEY (tenant_id, contract_id, item_no);

ALTER TABLE tz_contract_inspection ADD COLUMN tenant_id VARCHAR(64);
UPDATE tz_contract_inspection i SET tenant_id = (SELECT c.tenant_id FROM tz_contract_case c
  WHERE c.id = i.contract_id);
ALTER TABLE tz_contract_inspection ALTER COLUMN tenant_id SET NOT NULL;
ALTER TABLE tz_contract_inspection DROP PRIMARY KEY;
ALTER TABLE tz_contract_inspection ADD CONSTRAINT tz_contract_inspection_pk
  PRIMARY KEY (tenant_id, contract_id, round_no);

ALTER TABLE tz_contract_event ADD COLUMN tenant_id VARCHAR(64);
UPDATE tz_contract_event e SET tenant_id = (SELECT c.tenant_id FROM tz_contract_case c WHERE c.id = e.contract_id);
ALTER TABLE tz_contract_event ALTER COLUMN tenant_id SET NOT NULL;
DROP INDEX tz_contract_event_contract;
CREATE INDEX tz_contract_event_contract ON tz_contract_event (tenant_id, contract_id, seq);

DROP INDEX tz_contract_invoice_contract;
CREATE INDEX tz_contract_invoice_contract ON tz_contract_invoice (tenant_id, contract_id, received_at);
