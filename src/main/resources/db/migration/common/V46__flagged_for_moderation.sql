-- The moderators' queue reads what the public flagged and nobody has hidden yet, the most flagged
-- first: an index on the flags' count makes that a range read of the few flagged rows, not a
-- scan of every report.
CREATE INDEX service_requests_flagged ON service_requests (abuse_reports);
CREATE INDEX proposals_flagged ON proposals (abuse_reports);
