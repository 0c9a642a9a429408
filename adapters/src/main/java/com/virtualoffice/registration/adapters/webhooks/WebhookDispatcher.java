package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.adapters.json.EventJson;
import com.virtualoffice.registration.application.events.CustomerEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends due deliveries. Each poll claims a batch in PostgreSQL (with a lease, skipping rows other instances hold),
 * so every instance can take part and a delivery whose instance died is sent again after the lease. Each
 * endpoint is served by one virtual thread at a time, in event order per customer: a slow or dead receiver holds
 * up only its own deliveries, never the API nor other endpoints.
 */
final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbcClient jdbc;
    private final CustomerEvents events;
    private final ObjectMapper json;
    private final HttpClient http;
    private final ExecutorService senders;
    private final InstantSource clock;
    private final WebhookProperties properties;
    private final WebhookMeters meters;
    private final Set<UUID> busyEndpoints = ConcurrentHashMap.newKeySet();

    WebhookDispatcher(JdbcClient jdbc, CustomerEvents events, ObjectMapper json, HttpClient http,
                      ExecutorService senders, InstantSource clock, WebhookProperties properties,
                      WebhookMeters meters) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
        this.http = http;
        this.senders = senders;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    private record Claimed(UUID id, UUID endpointId, UUID eventId, int attempts, Instant retryingSince, String url,
                           String secret, OffsetDateTime leaseUntil) {
    }

    /**
     * One poll: claim what is due on idle endpoints and hand each endpoint's share to a sender. A customer's later
     * event is never claimed while an earlier one is still pending or failing, so one batch holds at most one
     * delivery per customer and endpoint, and the order per customer holds across polls and instances.
     */
    void poll() {
        Map<UUID, List<Claimed>> byEndpoint = new LinkedHashMap<>();
        for (Claimed delivery : claim()) {
            byEndpoint.computeIfAbsent(delivery.endpointId(), id -> new ArrayList<>()).add(delivery);
        }
        byEndpoint.forEach((endpointId, deliveries) -> {
            busyEndpoints.add(endpointId);
            senders.submit(() -> {
                try {
                    deliveries.forEach(this::send);
                } finally {
                    busyEndpoints.remove(endpointId);
                }
            });
        });
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        OffsetDateTime leaseUntil = now.plus(properties.lease()).atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        WITH due AS (
                            SELECT d.id FROM webhook_deliveries d
                            JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.deleted_at IS NULL
                            WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= :now
                              AND NOT (d.endpoint_id = ANY (:busy))
                              AND NOT EXISTS (
                                  SELECT 1 FROM webhook_deliveries earlier
                                  WHERE earlier.endpoint_id = d.endpoint_id AND earlier.customer_id = d.customer_id
                                    AND earlier.event_sequence < d.event_sequence
                                    AND earlier.status IN ('pending', 'failed'))
                            ORDER BY d.next_attempt_at, d.event_sequence
                            LIMIT :batch
                            FOR UPDATE OF d SKIP LOCKED)
                        UPDATE webhook_deliveries d SET next_attempt_at = :leaseUntil
                        FROM due, webhook_endpoints e
                        WHERE d.id = due.id AND e.id = d.endpoint_id
                        RETURNING d.id, d.endpoint_id, d.event_id, d.attempts, d.retrying_since, e.url, e.secret
                        """)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("busy", busyEndpoints.toArray(UUID[]::new))
                .param("batch", properties.batchSize())
                .param("leaseUntil", leaseUntil)
                .query((row, n) -> new Claimed(row.getObject("id", UUID.class),
                        row.getObject("endpoint_id", UUID.class), row.getObject("event_id", UUID.class),
                        row.getInt("attempts"), row.getObject("retrying_since", OffsetDateTime.class)
                        .toInstant(), row.getString("url"), row.getString("secret"), leaseUntil))
                .list();
    }

    private void send(Claimed delivery) {
        Integer statusCode = null;
        try {
            String body = events.find(delivery.eventId())
                    .map(event -> json.writeValueAsString(EventJson.Event.of(event)))
                    .orElseThrow(() -> new IllegalStateException("event " + delivery.eventId() + " is not in the"
                            + " customer-event read model"));
            long now = clock.instant().getEpochSecond();
            var response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "customer-registration-webhooks")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now, body))
                    .POST(BodyPublishers.ofString(body))
                    .build(), BodyHandlers.discarding());
            statusCode = response.statusCode();
        } catch (InterruptedException stopping) {
            // Shutting down: the lease runs out and another poll sends it again.
            Thread.currentThread().interrupt();
            return;
        } catch (Exception noAnswer) {
            log.debug("webhook delivery {} to {} got no answer: {}", delivery.id(), delivery.url(),
                    noAnswer.toString());
        }
        record(delivery, statusCode);
    }

    private void record(Claimed delivery, Integer statusCode) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        boolean succeeded = statusCode != null && statusCode >= 200 && statusCode < 300;
        boolean givesUp = !succeeded
                && !now.isBefore(delivery.retryingSince().plus(properties.giveUpAfter()));
        String status = succeeded ? "succeeded" : givesUp ? "dead" : "failed";
        Instant next = succeeded || givesUp ? null : now.plus(backoff(attempts));
        // Only while our lease stands: a seller's retry in the meantime re-scheduled the delivery, and that
        // schedule wins (at worst the receiver gets the event once more).
        jdbc.sql("""
                        UPDATE webhook_deliveries SET status = :status, attempts = :attempts,
                            last_attempt_at = :now, last_status_code = :code, next_attempt_at = :next
                        WHERE id = :id AND next_attempt_at = :leaseUntil
                        """)
                .param("status", status)
                .param("attempts", attempts)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("code", statusCode)
                .param("next", next == null ? null : next.atOffset(ZoneOffset.UTC))
                .param("id", delivery.id())
                .param("leaseUntil", delivery.leaseUntil())
                .update();
        meters.attempted(succeeded ? "delivered" : status);
    }

    /** Doubling from the initial pause up to the maximum, with up to a quarter of jitter. */
    private Duration backoff(int attempts) {
        long initial = properties.initialBackoff().toMillis();
        long max = properties.maxBackoff().toMillis();
        long pause = attempts >= 31 ? max : Math.min(max, initial << (attempts - 1));
        return Duration.ofMillis(pause + ThreadLocalRandom.current().nextLong(pause / 4 + 1));
    }
}
