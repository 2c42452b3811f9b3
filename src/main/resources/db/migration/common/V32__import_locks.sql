-- At most one running import per organisation (issue 15): a request that starts one locks its
-- organisation's row here, then looks for a running import, then records its own, so that two
-- requests at once, on one node or two, cannot both start one.
CREATE TABLE import_locks (
    organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id)
);
