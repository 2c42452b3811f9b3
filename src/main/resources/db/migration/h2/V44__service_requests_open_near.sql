-- The check made at every filing for the same problem reported nearby (ReportStore.openNear): see
-- the PostgreSQL migration of the same version. H2 has no partial indexes, so this one holds every report.
CREATE INDEX service_requests_open_near ON service_requests (service_code, lat, lon, requested_at);
