-- The city's districts (e.g. INEGI's alcaldías), imported from GeoJSON, and the district each
-- Thing is placed in (its first Location's point, or centroid, in the district's boundary).
-- TEXT is a CLOB on H2: a detailed boundary can pass VARCHAR's million characters.

CREATE TABLE districts (
    id VARCHAR(32) PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    population BIGINT,
    -- the feature's other properties, as JSON text
    properties TEXT NOT NULL,
    -- a GeoJSON Polygon or MultiPolygon, WGS84 lon/lat
    boundary TEXT NOT NULL,
    -- computed from the boundary on import (on the sphere), so that reading it parses nothing
    area_km2 DOUBLE PRECISION NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE thing_districts (
    thing_id BIGINT PRIMARY KEY REFERENCES things (id) ON DELETE CASCADE,
    district_id VARCHAR(32) NOT NULL REFERENCES districts (id) ON DELETE CASCADE
);
CREATE INDEX thing_districts_district ON thing_districts (district_id);
