-- Succeeded deliveries are purged by age (registration.webhooks.delivered-retention).
CREATE INDEX webhook_deliveries_succeeded_idx ON webhook_deliveries (last_attempt_at) WHERE status = 'succeeded';
