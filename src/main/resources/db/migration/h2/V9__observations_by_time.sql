-- The default order of Observations is (phenomenon_time, id). Without an index in that order,
-- H2 sorts every row to answer an unfiltered /Observations?$top=1 (seconds on half a million
-- rows), and it keeps the sorted result only until the next write changes the table.
CREATE INDEX observations_time ON observations (phenomenon_time, id);
