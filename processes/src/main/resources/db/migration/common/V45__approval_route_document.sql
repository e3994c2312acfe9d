-- What every approver of a route is shown, kept with the route when it is planned (issue 8): the forms read it from
-- here, never from process variables an earlier task could have overwritten.
ALTER TABLE tz_approval_route ADD COLUMN summary VARCHAR(20000);
ALTER TABLE tz_approval_route ADD COLUMN attachments_text VARCHAR(20000);
