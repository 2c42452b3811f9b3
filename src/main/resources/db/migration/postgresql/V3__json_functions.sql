-- Reading values out of JSON documents by a '/'-separated path ('' for the whole document).
-- A value of another type reads as NULL, so a filter drops the row instead of failing.
-- H2 has the same functions in Java (org.cabildo.platform.H2Functions).

CREATE FUNCTION cabildo_json_text(doc JSONB, path TEXT) RETURNS TEXT
LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT doc #>> string_to_array(path, '/')
$$;

CREATE FUNCTION cabildo_json_number(doc JSONB, path TEXT) RETURNS DOUBLE PRECISION
LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(doc #> string_to_array(path, '/')) = 'number'
        THEN (doc #>> string_to_array(path, '/'))::DOUBLE PRECISION END
$$;

CREATE FUNCTION cabildo_json_boolean(doc JSONB, path TEXT) RETURNS BOOLEAN
LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(doc #> string_to_array(path, '/')) = 'boolean'
        THEN (doc #>> string_to_array(path, '/'))::BOOLEAN END
$$;

CREATE FUNCTION cabildo_json_time(doc JSONB, path TEXT) RETURNS TIMESTAMP WITH TIME ZONE
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN (doc #>> string_to_array(path, '/'))::TIMESTAMP WITH TIME ZONE;
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;
