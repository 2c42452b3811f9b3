-- Governance (issue 5): the public register of declarations and the access ledger.
--
-- A declaration is versioned: a change is a new row with the next version; old versions stay.
-- The whole declaration is kept as JSON (body); the columns beside it are what the register
-- is filtered and enforced by.
CREATE TABLE declarations (
    datastream_id INTEGER NOT NULL REFERENCES datastreams (id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    organisation_id BIGINT NOT NULL REFERENCES organisations (id),
    personal_data_class VARCHAR(20) NOT NULL,
    access_level VARCHAR(20) NOT NULL,
    stage VARCHAR(20) NOT NULL,
    body VARCHAR(100000) NOT NULL,
    declared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    declared_by VARCHAR(200) NOT NULL,
    PRIMARY KEY (datastream_id, version)
);

-- The ledger: append-only, each entry chained to the previous by its hash. ledger_head holds
-- the last sequence number and hash, so that appends from several nodes queue on one row lock.
CREATE TABLE ledger_entries (
    seq BIGINT NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind VARCHAR(40) NOT NULL,
    actor VARCHAR(200),
    organisation_id BIGINT,
    purpose VARCHAR(60),
    datastreams VARCHAR(20000) NOT NULL,
    range_start TIMESTAMP WITH TIME ZONE,
    range_end TIMESTAMP WITH TIME ZONE,
    observations BIGINT NOT NULL,
    fingerprint VARCHAR(64),
    detail VARCHAR(2000),
    previous_hash VARCHAR(64) NOT NULL,
    entry_hash VARCHAR(64) NOT NULL
);
CREATE INDEX ledger_entries_kind ON ledger_entries (kind, seq);
CREATE INDEX ledger_entries_recorded ON ledger_entries (recorded_at);

CREATE TABLE ledger_head (
    id INTEGER NOT NULL PRIMARY KEY,
    seq BIGINT NOT NULL,
    entry_hash VARCHAR(64) NOT NULL
);
INSERT INTO ledger_head (id, seq, entry_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
