-- Retention (issue 15): the key of each reading folded into aggregates at ingest because it arrived
-- already past its stream's retention, so that the same reading sent again is known and not counted
-- twice (folded rows are not stored, so the check for duplicates cannot see them). Its result is
-- kept only as a digest: retention says the value itself must be gone. A key lives exactly as long
-- as the aggregate it went into, and goes with it.
CREATE TABLE folded_readings (
    datastream_id INTEGER NOT NULL,
    interval_start TIMESTAMP WITH TIME ZONE NOT NULL,
    phenomenon_time TIMESTAMP WITH TIME ZONE NOT NULL,
    phenomenon_time_end TIMESTAMP WITH TIME ZONE,
    result_digest VARCHAR(64) NOT NULL,
    FOREIGN KEY (datastream_id, interval_start)
        REFERENCES observation_aggregates (datastream_id, interval_start) ON DELETE CASCADE
);
CREATE INDEX folded_readings_by_time ON folded_readings (datastream_id, phenomenon_time);
