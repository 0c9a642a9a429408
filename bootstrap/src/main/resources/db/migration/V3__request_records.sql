-- Not read models: records of requests that no event holds, so a rebuild leaves them alone.
-- Answers to POST requests that carried an Idempotency-Key, kept for the retention period
-- (registration.http.idempotency.retention). response_status is NULL while the first request runs.
CREATE TABLE idempotency_keys (
    seller_id       UUID        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    response_status INTEGER,
    response_body   TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (seller_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- When each API key was last used: usage, not an event; written in batches, at most once a flush per key.
CREATE TABLE api_key_usage (
    api_key_id   UUID        NOT NULL PRIMARY KEY,
    last_used_at TIMESTAMPTZ NOT NULL
);
