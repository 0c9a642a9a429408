-- A read model: every customer event with the customer as it stood after it, for the history, the as_of
-- view and the event feed. Disposable like the others: rebuilt from domain_event_entry.
CREATE TABLE customer_events (
    event_id        UUID        NOT NULL PRIMARY KEY,
    seller_id       UUID        NOT NULL,
    -- The event's position in its seller's stream: the feed's order, identical after any rebuild.
    sequence_number BIGINT      NOT NULL,
    customer_id     UUID        NOT NULL,
    type            TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    actor_type      TEXT,
    api_key_id      UUID,
    api_key_prefix  TEXT,
    request_id      TEXT,
    -- The customer after the event (as it was when deleted, for a deletion), in this projection's own JSON.
    customer        JSONB       NOT NULL,
    CONSTRAINT customer_events_seller_sequence_key UNIQUE (seller_id, sequence_number)
);
CREATE INDEX customer_events_customer_idx ON customer_events (customer_id, sequence_number);
