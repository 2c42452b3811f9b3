-- The reports offered as the same problem as another: without this index, removing any report
-- scanned the whole table for reports pointing at it (233 ms a report at a million reports).
CREATE INDEX service_requests_duplicate_of ON service_requests (duplicate_of);
