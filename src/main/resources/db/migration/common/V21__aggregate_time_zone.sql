-- Aggregates kept by retention cover hours, days and months of the city's calendar: each row
-- says in which time zone its interval was cut, so that its local day or month can be told even
-- after the city's setting changes. Rows before this were cut in UTC.
ALTER TABLE observation_aggregates ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
