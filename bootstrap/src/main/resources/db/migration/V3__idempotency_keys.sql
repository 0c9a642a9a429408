-- Not a read model: what the service answered, which no event records.
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
