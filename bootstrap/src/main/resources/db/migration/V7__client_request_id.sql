-- The request id of an event is the service's own; the X-Request-Id a client sent is kept beside it, never in
-- its place (a client could otherwise write any id into the audit trail).
ALTER TABLE customer_events ADD COLUMN client_request_id TEXT;
