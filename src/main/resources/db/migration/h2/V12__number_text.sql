-- The text of a number, as a filter compares it with a string ('4', never '4.0'): the canonical
-- JSON form of the double (RFC 8785, as ECMAScript writes numbers), for results stored as numbers
-- and (in cabildo_json_text) numbers inside JSON alike. H2 has them in Java
-- (org.cabildo.platform.H2Functions); PostgreSQL the same functions in SQL.
CREATE ALIAS cabildo_number_text DETERMINISTIC FOR 'org.cabildo.platform.H2Functions.numberText';
