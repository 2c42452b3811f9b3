-- Reading values out of JSON documents; PostgreSQL has the same functions in SQL.
CREATE ALIAS cabildo_json_text DETERMINISTIC FOR 'org.cabildo.platform.H2Functions.jsonText';
CREATE ALIAS cabildo_json_number DETERMINISTIC FOR 'org.cabildo.platform.H2Functions.jsonNumber';
CREATE ALIAS cabildo_json_boolean DETERMINISTIC FOR 'org.cabildo.platform.H2Functions.jsonBoolean';
CREATE ALIAS cabildo_json_time DETERMINISTIC FOR 'org.cabildo.platform.H2Functions.jsonTime';
