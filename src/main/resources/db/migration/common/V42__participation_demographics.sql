-- What residents chose to say about themselves when they took part (gender, age band), kept
-- apart from who they are and from what they filed: counters per kind of participation, district
-- and month, with no id, no time finer than the month and no link to a report or an account.
-- Shown only as aggregates with small-cell suppression (org.cabildo.indicators.SmallCells).

CREATE TABLE participation_demographics (
    -- report, proposal or support
    kind VARCHAR(16) NOT NULL,
    -- '' when in no district
    district_id VARCHAR(32) NOT NULL,
    period_month DATE NOT NULL,
    -- '' when not said
    gender VARCHAR(16) NOT NULL,
    age_band VARCHAR(16) NOT NULL,
    filings BIGINT NOT NULL,
    PRIMARY KEY (kind, district_id, period_month, gender, age_band),
    CHECK (filings > 0)
);
