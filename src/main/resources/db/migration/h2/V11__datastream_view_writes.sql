-- H2 cannot write through a view by itself: writes to the datastreams view (V10) go to the
-- streams table through this trigger, as they do on PostgreSQL without one.
CREATE TRIGGER datastreams_writes INSTEAD OF INSERT, UPDATE, DELETE ON datastreams FOR EACH ROW
    CALL 'org.cabildo.platform.H2DatastreamWrites';
