-- The check made at every filing for the same problem reported nearby (ReportStore.openNear):
-- open reports of the service within a few metres, filed in the last weeks. Without this index
-- it read every report of the last 14 days (38,000 rows, 20 ms of PostgreSQL's CPU with a
-- million reports in the year) for each report filed; with it, a few index pages (0.1 ms).
-- Only open, visible reports: the check asks for nothing else, and they are the ones that change.
-- lon and requested_at are kept in the index so that their conditions are checked there, not in the table.
CREATE INDEX service_requests_open_near ON service_requests (service_code, lat, lon, requested_at)
    WHERE status = 'open' AND hidden_at IS NULL;
