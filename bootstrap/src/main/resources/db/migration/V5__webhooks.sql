-- Webhook endpoints and their deliveries: configuration and delivery state, not read models, so a rebuild
-- leaves them alone (and never enqueues a delivery twice).

CREATE TABLE webhook_endpoints (
    id         UUID        NOT NULL PRIMARY KEY,
    seller_id  UUID        NOT NULL,
    url        TEXT        NOT NULL,
    events     TEXT[]      NOT NULL,
    -- Needed in clear to sign each delivery; shown to the seller once, at registration.
    secret     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    deleted_at TIMESTAMPTZ
);
CREATE INDEX webhook_endpoints_seller_idx ON webhook_endpoints (seller_id) WHERE deleted_at IS NULL;

-- The outbox: a row per event and endpoint, written in the transaction of the command that caused the event,
-- so that no committed event is ever without its deliveries.
CREATE TABLE webhook_deliveries (
    id               UUID        NOT NULL PRIMARY KEY,
    endpoint_id      UUID        NOT NULL,
    seller_id        UUID        NOT NULL,
    event_id         UUID        NOT NULL,
    customer_id      UUID        NOT NULL,
    -- The event's position in its seller's stream: deliveries of one customer go out in this order.
    event_sequence   BIGINT      NOT NULL,
    status           TEXT        NOT NULL,
    attempts         INTEGER     NOT NULL DEFAULT 0,
    -- When the next attempt is due; while an attempt is under way, when its lease runs out.
    next_attempt_at  TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    created_at       TIMESTAMPTZ NOT NULL,
    -- Retries stop once this is older than registration.webhooks.give-up-after; a seller's retry restarts it.
    retrying_since   TIMESTAMPTZ NOT NULL,
    CONSTRAINT webhook_deliveries_endpoint_event_key UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at)
    WHERE status IN ('pending', 'failed');
CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (endpoint_id, customer_id, event_sequence)
    WHERE status IN ('pending', 'failed');
CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, created_at DESC, event_sequence DESC);
