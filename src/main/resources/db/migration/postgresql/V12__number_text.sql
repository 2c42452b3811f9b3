-- The text of a number, as a filter compares it with a string ('4', never '4.0'): the canonical
-- JSON form of the double (RFC 8785, as ECMAScript writes numbers), for results stored as numbers
-- and numbers inside JSON alike. H2 has the same functions in Java (org.cabildo.platform.H2Functions).

-- The fewest digits that read back as the double, the closest such (what Java's Double.toString
-- and ECMAScript choose). PostgreSQL writes them (extra_float_digits = 1, whatever the session
-- says), but in some ties one digit too many (2.7174537776153512e+16): one digit fewer, correctly
-- rounded by to_char, is tried until it no longer reads back.
CREATE FUNCTION cabildo_number_text(x DOUBLE PRECISION) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET extra_float_digits = 1 AS $$
DECLARE
    shortest TEXT;
    shorter TEXT;
    mantissa TEXT;
    exponent INT := 0;
    whole TEXT;
    digits TEXT;
    n INT;
    k INT;
    sign TEXT := '';
BEGIN
    IF x = 0 THEN
        RETURN '0';
    END IF;
    IF x < 0 THEN
        sign := '-';
    END IF;
    IF x IN ('Infinity'::DOUBLE PRECISION, '-Infinity'::DOUBLE PRECISION, 'NaN'::DOUBLE PRECISION) THEN
        RETURN sign || abs(x)::TEXT;
    END IF;
    shortest := abs(x)::TEXT;
    LOOP
        k := length(rtrim(ltrim(replace(split_part(shortest, 'e', 1), '.', ''), '0'), '0'));
        EXIT WHEN k <= 1;
        shorter := trim(to_char(abs(x), CASE WHEN k = 2 THEN '9EEEE' ELSE '9.' || repeat('9', k - 2) || 'EEEE' END));
        -- (rounded up next to the largest double, it is out of range: read as NUMERIC first)
        EXIT WHEN shorter::NUMERIC > 1.7976931348623157e308;
        EXIT WHEN shorter::DOUBLE PRECISION <> abs(x);
        shortest := shorter;
    END LOOP;
    mantissa := split_part(shortest, 'e', 1);
    IF position('e' IN shortest) > 0 THEN
        exponent := split_part(shortest, 'e', 2)::INT;
    END IF;
    whole := split_part(mantissa, '.', 1);
    digits := whole || split_part(mantissa, '.', 2);
    -- The value is 0.digits × 10^n; digits without leading and trailing zeros, k of them.
    n := length(whole) + exponent - (length(digits) - length(ltrim(digits, '0')));
    digits := rtrim(ltrim(digits, '0'), '0');
    k := length(digits);
    IF k <= n AND n <= 21 THEN
        RETURN sign || digits || repeat('0', n - k);
    ELSIF 0 < n AND n <= 21 THEN
        RETURN sign || substr(digits, 1, n) || '.' || substr(digits, n + 1);
    ELSIF -6 < n AND n <= 0 THEN
        RETURN sign || '0.' || repeat('0', -n) || digits;
    END IF;
    RETURN sign || substr(digits, 1, 1) || CASE WHEN k > 1 THEN '.' || substr(digits, 2) ELSE '' END
        || 'e' || CASE WHEN n > 0 THEN '+' ELSE '-' END || abs(n - 1)::TEXT;
END
$$;

-- A JSON value as text: a string as itself, a number in its canonical form (was: as stored,
-- where PostgreSQL keeps '4.0' and '1E+2' as sent), anything else as JSON.
CREATE OR REPLACE FUNCTION cabildo_json_text(doc JSONB, path TEXT) RETURNS TEXT
LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(doc #> string_to_array(path, '/')) = 'number'
        THEN cabildo_number_text((doc #>> string_to_array(path, '/'))::DOUBLE PRECISION)
        ELSE doc #>> string_to_array(path, '/') END
$$;
