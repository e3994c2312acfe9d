-- PDF or image invoices of contract-payment (issue 11): the scan lives in the document store (tz_document, tenant and
-- submitter of the invoice), OCR reads it, staff verify the fields against it. format: XML (JP PINT e-invoice, the
-- file in content) or SCAN (content empty, the scan is document_id). recognition_json: what OCR read (bounded);
-- verified_json: the fields as staff confirmed them, which the validation checks. status VERIFYING: not validated yet
-- because staff have not confirmed the fields. Beside V58 in the vendor folders (the same text for H2 and PostgreSQL).
ALTER TABLE tz_contract_invoice ADD COLUMN format VARCHAR(8) DEFAULT 'XML' NOT NULL;
ALTER TABLE tz_contract_invoice ADD COLUMN document_id VARCHAR(64);
ALTER TABLE tz_contract_invoice ADD COLUMN recognition_json VARCHAR(100000);
ALTER TABLE tz_contract_invoice ADD COLUMN verified_json VARCHAR(20000);
ALTER TABLE tz_contract_invoice ADD COLUMN verified_by VARCHAR(64);
CREATE INDEX tz_contract_invoice_document ON tz_contract_invoice (tenant_id, document_id);
