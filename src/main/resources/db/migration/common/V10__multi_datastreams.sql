-- MultiDatastreams (OGC 18-088, 14.4, the MultiDatastream extension).
--
-- Every stream of Observations, Datastream or MultiDatastream, is a row of one table, streams
-- (the former datastreams table, renamed): they share one id space, so that a MultiDatastream's
-- declaration, purpose binding, ledger entries, retention, owner and device bindings are a
-- Datastream's (their foreign keys follow the rename), and its Observations point to it by
-- observations.datastream_id as any others do. A MultiDatastream is a row marked multi; its
-- units and data types are arrays, one per ObservedProperty in the order of
-- multi_datastream_observed_properties.component_index, and it has no single unit or
-- ObservedProperty.
--
-- Reads of an entity type go through its view: datastreams holds only Datastreams and
-- multi_datastreams only MultiDatastreams, so that no read of one type can see the other.
-- Writes go to streams (PostgreSQL can also write through the views; H2 through triggers).
-- A column added to streams later must be added to both views too (CREATE OR REPLACE VIEW):
-- PostgreSQL fixes a view's columns when it is made.
ALTER TABLE datastreams RENAME TO streams;
ALTER TABLE streams ADD COLUMN multi BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE streams ADD COLUMN unit_of_measurements ${json};
ALTER TABLE streams ADD COLUMN multi_observation_data_types ${json};
ALTER TABLE streams ALTER COLUMN unit_of_measurement DROP NOT NULL;
ALTER TABLE streams ALTER COLUMN observed_property_id DROP NOT NULL;
ALTER TABLE streams ADD CONSTRAINT streams_kind CHECK (
    (multi AND observed_property_id IS NULL AND unit_of_measurement IS NULL
        AND unit_of_measurements IS NOT NULL AND multi_observation_data_types IS NOT NULL)
    OR (NOT multi AND observed_property_id IS NOT NULL AND unit_of_measurement IS NOT NULL
        AND unit_of_measurements IS NULL AND multi_observation_data_types IS NULL));

CREATE VIEW datastreams AS SELECT * FROM streams WHERE multi = FALSE;
CREATE VIEW multi_datastreams AS SELECT * FROM streams WHERE multi = TRUE;

CREATE TABLE multi_datastream_observed_properties (
    datastream_id INTEGER NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
    observed_property_id BIGINT NOT NULL REFERENCES observed_properties (id) ON DELETE CASCADE,
    -- which value of each Observation's result array is of this ObservedProperty (from 0)
    component_index INTEGER NOT NULL,
    PRIMARY KEY (datastream_id, component_index),
    UNIQUE (datastream_id, observed_property_id)
);
CREATE INDEX multi_datastream_observed_properties_property
    ON multi_datastream_observed_properties (observed_property_id);
