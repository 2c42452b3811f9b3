-- A signed-in resident's own reports ("my reports" in the portal), newest first.
CREATE INDEX service_requests_person ON service_requests (person_id, requested_at);
