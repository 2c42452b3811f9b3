-- Mobility series of the city as a whole (daily cyclists at automatic counters, daily public-
-- transport ridership by operator and line): counts without a place on the map (the sources
-- name a street or a line, never coordinates), so they are not SensorThings Observations, which
-- need a Location, and no district can be told from them. Loaded whole; read by the mobility
-- indicators (org.cabildo.indicators.MobilityIndicators).

CREATE TABLE mobility_series (
    code VARCHAR(64) PRIMARY KEY,
    -- cyclists (a counter's daily count) or ridership (a line's daily passengers)
    kind VARCHAR(16) NOT NULL,
    name VARCHAR(300) NOT NULL,
    unit VARCHAR(100) NOT NULL,
    -- whom to attribute, as the source asks, and its licence
    source VARCHAR(1000) NOT NULL,
    caveats VARCHAR(4000) NOT NULL,
    loaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a CASE, not IN (...) nor equalities joined by OR, which H2 turns into a set of constants
    -- bound to the session that made the table: once that connection is closed (a pool renewing
    -- it), H2 refused every insert (MigrationsOnH2Test)
    CHECK (CASE kind WHEN 'cyclists' THEN 1 WHEN 'ridership' THEN 1 ELSE 0 END = 1)
);

CREATE TABLE mobility_counts (
    series_code VARCHAR(64) NOT NULL REFERENCES mobility_series (code) ON DELETE CASCADE,
    -- the transit operator (STC, Metrobús, ...), or the counter itself for cyclists
    operator VARCHAR(100) NOT NULL,
    -- the counter or the line
    site VARCHAR(100) NOT NULL,
    local_day DATE NOT NULL,
    -- null: the source's cell is empty
    counted BIGINT,
    -- why the count is left out of every indicator (outage, malfunction, empty); null: it counts
    left_out VARCHAR(16),
    -- the median the count was held against (the outage rule of cyclists), for whoever checks it
    reference DOUBLE PRECISION,
    PRIMARY KEY (series_code, operator, site, local_day),
    CHECK (counted IS NULL OR counted >= 0),
    CHECK (left_out IS NULL OR CASE left_out WHEN 'outage' THEN 1 WHEN 'malfunction' THEN 1 WHEN 'empty' THEN 1
        ELSE 0 END = 1)
);

CREATE INDEX mobility_counts_by_day ON mobility_counts (series_code, local_day);
