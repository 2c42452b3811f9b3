-- Observations, the big table, partitioned by month of phenomenon_time so that retention
-- drops whole partitions. Partitions are made on first need (ObservationPartitions).
--
-- Its reads are "latest of a datastream" and "a datastream (or the datastreams of a district)
-- over a time range": both follow (datastream_id, phenomenon_time). Lookups by id are rare
-- and use a BRIN index: ids grow with insertion, as the rows of each partition do, so a few
-- kilobytes find any row, where a B-tree would take a fifth of the table's size.
--
-- Columns are ordered for alignment: 8-byte values first, then the two 4-byte ids.
-- No foreign keys: the writer checks datastreams and features, and cascades deletes itself.
CREATE SEQUENCE observations_id_seq;

CREATE TABLE observations (
    id BIGINT DEFAULT nextval('observations_id_seq') NOT NULL,
    phenomenon_time TIMESTAMP WITH TIME ZONE NOT NULL,
    phenomenon_time_end TIMESTAMP WITH TIME ZONE,
    result_time TIMESTAMP WITH TIME ZONE,
    result_number DOUBLE PRECISION,
    datastream_id INTEGER NOT NULL,
    feature_of_interest_id INTEGER NOT NULL,
    valid_time_start TIMESTAMP WITH TIME ZONE,
    valid_time_end TIMESTAMP WITH TIME ZONE,
    result_json JSONB,
    result_quality JSONB,
    parameters JSONB
) PARTITION BY RANGE (phenomenon_time);

CREATE INDEX observations_datastream_time ON observations (datastream_id, phenomenon_time);
CREATE INDEX observations_feature ON observations (feature_of_interest_id);
CREATE INDEX observations_id ON observations USING BRIN (id) WITH (pages_per_range = 16);
