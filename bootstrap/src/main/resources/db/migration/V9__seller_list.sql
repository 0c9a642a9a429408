-- The operators' seller list: newest first with the id as tie-breaker for keyset pagination, and the name
-- search ("q") as a trigram index lookup, like the customers' (pg_trgm is created in V2).
CREATE INDEX sellers_created_idx ON sellers (created_at DESC, id DESC);
CREATE INDEX sellers_name_trgm_idx ON sellers USING gin (name gin_trgm_ops);

-- Each listed seller counts its webhook deliveries in trouble; only those rows are in this index, so the
-- count does not walk the seller's delivered ones.
CREATE INDEX webhook_deliveries_troubled_idx ON webhook_deliveries (seller_id, status)
    WHERE status IN ('failed', 'dead');
