-- Health series by district (e.g. weekly counts of respiratory illness from sentinel
-- surveillance): what each series is, where it comes from and how far it may be read, and its
-- counts per district and reporting period. Counts are public only through the small-cell
-- suppression of org.cabildo.indicators.SmallCells: no API returns this table's rows as they are.

CREATE TABLE health_series (
    code VARCHAR(64) PRIMARY KEY,
    name VARCHAR(300) NOT NULL,
    unit VARCHAR(100) NOT NULL,
    -- whom to attribute, as the source asks (and its licence, when known)
    source VARCHAR(1000) NOT NULL,
    -- how the counts were made from the source (e.g. differences of cumulative counts)
    method VARCHAR(4000) NOT NULL,
    caveats VARCHAR(4000) NOT NULL,
    loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE health_counts (
    series_code VARCHAR(64) NOT NULL REFERENCES health_series (code) ON DELETE CASCADE,
    -- a district's code; no reference to districts, so that a re-import of boundaries keeps the counts
    district_id VARCHAR(32) NOT NULL,
    -- the reporting period, both days included (a period may be longer than a week)
    period_start DATE NOT NULL,
    period_end DATE NOT NULL,
    cases BIGINT NOT NULL,
    PRIMARY KEY (series_code, district_id, period_start),
    CHECK (period_end >= period_start),
    CHECK (cases >= 0)
);
