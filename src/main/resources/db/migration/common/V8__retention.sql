-- Retention (governance): what remains of raw Observations after their declared retention, when
-- the declaration keeps aggregates. One row per Datastream and interval of the declared
-- granularity (aligned to the epoch, UTC).
--
-- numeric_count is how many of the counted Observations had a numeric result (the mean is over
-- those): with it, rows removed in later batches or runs merge into the interval exactly.
CREATE TABLE observation_aggregates (
    datastream_id INTEGER NOT NULL REFERENCES datastreams (id) ON DELETE CASCADE,
    interval_start TIMESTAMP WITH TIME ZONE NOT NULL,
    interval_end TIMESTAMP WITH TIME ZONE NOT NULL,
    count BIGINT NOT NULL,
    numeric_count BIGINT NOT NULL,
    min DOUBLE PRECISION,
    max DOUBLE PRECISION,
    mean DOUBLE PRECISION,
    computed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (datastream_id, interval_start)
);
