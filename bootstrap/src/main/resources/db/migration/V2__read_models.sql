-- Read models: every table here is disposable and rebuilt from domain_event_entry.

-- Trigram indexes make the list's substring search ("q") an index lookup instead of a scan of the seller's
-- customers. pg_trgm is a trusted extension: a database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE sellers (
    id             UUID         NOT NULL PRIMARY KEY,
    name           TEXT         NOT NULL,
    plan           TEXT         NOT NULL,
    customer_count INTEGER      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);

CREATE TABLE api_keys (
    id           UUID        NOT NULL PRIMARY KEY,
    seller_id    UUID        NOT NULL,
    name         TEXT,
    prefix       TEXT        NOT NULL,
    key_hash     TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL,
    -- Authentication looks a presented key up by its hash: one index probe per request.
    CONSTRAINT api_keys_key_hash_key UNIQUE (key_hash)
);
CREATE INDEX api_keys_seller_idx ON api_keys (seller_id, created_at);

CREATE TABLE customers (
    id                      UUID        NOT NULL PRIMARY KEY,
    seller_id               UUID        NOT NULL,
    first_name              TEXT        NOT NULL,
    last_name               TEXT        NOT NULL,
    email                   TEXT        NOT NULL,
    company_name            TEXT,
    legal_entity            TEXT,
    language                TEXT        NOT NULL,
    address_data            JSONB,
    postal_redirect_address JSONB,
    status                  TEXT        NOT NULL,
    source                  TEXT        NOT NULL,
    created_at              TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    -- Deleted customers are gone for sellers; the row stays so that a page cursor naming one still works.
    deleted_at              TIMESTAMPTZ,
    -- What the list's "q" searches, the fields joined by a unit separator (U+001F) that no search text
    -- contains, so that a match never spans two fields.
    search_text             TEXT GENERATED ALWAYS AS
                                (first_name || E'\x1f' || last_name || E'\x1f' || email || E'\x1f'
                                 || coalesce(company_name, '')) STORED
);
-- A tripwire, not the rule: the Seller aggregate keeps emails unique. A violation here means a bug, and it
-- fails the command's transaction instead of storing a duplicate.
CREATE UNIQUE INDEX customers_seller_email_key ON customers (seller_id, lower(email)) WHERE deleted_at IS NULL;
-- Newest-first listing per seller, with the id as tie-breaker for keyset pagination.
CREATE INDEX customers_seller_created_idx ON customers (seller_id, created_at DESC, id DESC);
CREATE INDEX customers_seller_status_created_idx ON customers (seller_id, status, created_at DESC, id DESC);
CREATE INDEX customers_search_text_trgm_idx ON customers USING gin (search_text gin_trgm_ops);
