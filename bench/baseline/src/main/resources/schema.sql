CREATE TABLE IF NOT EXISTS sellers (
    id             uuid PRIMARY KEY,
    name           text        NOT NULL,
    plan           text        NOT NULL,
    customer_limit integer,
    customer_count integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
    key_hash   text PRIMARY KEY,
    seller_id  uuid NOT NULL REFERENCES sellers (id)
);
CREATE TABLE IF NOT EXISTS customers (
    id           uuid PRIMARY KEY,
    seller_id    uuid        NOT NULL REFERENCES sellers (id),
    first_name   text        NOT NULL,
    last_name    text        NOT NULL,
    email        text        NOT NULL,
    company_name text,
    language     text        NOT NULL,
    address_data jsonb,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS customers_email ON customers (seller_id, lower(email));
