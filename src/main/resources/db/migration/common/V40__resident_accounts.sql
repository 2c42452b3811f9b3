-- Residents' own accounts (signed up with an email address): a person of the residents'
-- organisation, with no role in it or in any other; the address, once its owner proved they
-- read it, is what makes the account count as one person (one support per proposal).

CREATE TABLE resident_accounts (
    person_id BIGINT PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,
    -- lower case, as typed otherwise
    email VARCHAR(254) NOT NULL UNIQUE,
    -- es, pt or en: the language of the mails the account receives
    language VARCHAR(2) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- when the owner followed the link mailed to the address; NULL: not yet
    verified_at TIMESTAMP WITH TIME ZONE
);

-- One-time links mailed to residents: to verify the address, or to set a new password. Only
-- the SHA-256 of the secret is kept.
CREATE TABLE account_links (
    secret_hash VARCHAR(64) PRIMARY KEY,
    person_id BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose VARCHAR(10) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at TIMESTAMP WITH TIME ZONE,
    -- CASE, not IN or OR of equalities: see V38
    CHECK (CASE purpose WHEN 'verify' THEN 1 WHEN 'reset' THEN 1 ELSE 0 END = 1)
);
CREATE INDEX account_links_person ON account_links (person_id);
