package com.virtualoffice.registration.adapters.webhooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The deliveries waiting in PostgreSQL: claimed in turns across sellers, and purged once long delivered. */
final class DeliveryQueue {

    /** A delivery this instance holds until {@code leaseUntil}. */
    record Claimed(UUID id, UUID endpointId, UUID eventId, int attempts, Instant retryingSince, String url,
                   String secret, OffsetDateTime leaseUntil) {
    }

    private final JdbcClient jdbc;

    DeliveryQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code batch} due deliveries on endpoints not {@code busy}, leasing them until
     * {@code leaseUntil} (rows other instances hold are skipped). Sellers take turns: every seller's first due
     * delivery comes before any seller's second, so one seller's backlog never keeps another's first delivery
     * waiting beyond this poll. A customer's later event is never claimed while an earlier one is still pending or
     * failing, so one batch holds at most one delivery per customer and endpoint.
     */
    List<Claimed> claim(Instant now, Collection<UUID> busy, int batch, Instant leaseUntil) {
        OffsetDateTime lease = leaseUntil.atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        WITH candidates AS (
                            SELECT d.id, d.next_attempt_at, d.event_sequence,
                                row_number() OVER (PARTITION BY d.seller_id
                                                   ORDER BY d.next_attempt_at, d.event_sequence) AS turn
                            FROM webhook_deliveries d
                            JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.deleted_at IS NULL
                            WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= :now
                              AND NOT (d.endpoint_id = ANY (:busy))
                              AND NOT EXISTS (
                                  SELECT 1 FROM webhook_deliveries earlier
                                  WHERE earlier.endpoint_id = d.endpoint_id AND earlier.customer_id = d.customer_id
                                    AND earlier.event_sequence < d.event_sequence
                                    AND earlier.status IN ('pending', 'failed'))),
                        due AS (
                            -- The conditions again: they are checked anew on a row another instance just claimed.
                            SELECT d.id FROM webhook_deliveries d
                            WHERE d.id IN (SELECT id FROM candidates
                                           ORDER BY turn, next_attempt_at, event_sequence LIMIT :batch)
                              AND d.status IN ('pending', 'failed') AND d.next_attempt_at <= :now
                            FOR UPDATE OF d SKIP LOCKED)
                        UPDATE webhook_deliveries d SET next_attempt_at = :leaseUntil
                        FROM due, webhook_endpoints e
                        WHERE d.id = due.id AND e.id = d.endpoint_id
                        RETURNING d.id, d.endpoint_id, d.event_id, d.attempts, d.retrying_since, e.url, e.secret
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("busy", busy.toArray(UUID[]::new))
                .param("batch", batch)
                .param("leaseUntil", lease)
                .query((row, n) -> new Claimed(row.getObject("id", UUID.class),
                        row.getObject("endpoint_id", UUID.class), row.getObject("event_id", UUID.class),
                        row.getInt("attempts"), row.getObject("retrying_since", OffsetDateTime.class)
                        .toInstant(), row.getString("url"), row.getString("secret"), lease))
                .list();
    }

    /** Deletes succeeded deliveries last attempted before the cutoff; returns how many. */
    int purgeDelivered(Instant cutoff) {
        return jdbc.sql("DELETE FROM webhook_deliveries WHERE status = 'succeeded' AND last_attempt_at < :cutoff")
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .update();
    }
}
