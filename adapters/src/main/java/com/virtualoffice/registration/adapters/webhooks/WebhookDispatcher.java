package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.adapters.json.EventJson;
import com.virtualoffice.registration.adapters.webhooks.DeliveryQueue.Claimed;
import com.virtualoffice.registration.application.events.CustomerEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends due deliveries. Each poll claims a batch ({@link DeliveryQueue}: with a lease, sellers in turns),
 * so every instance can take part and a delivery whose instance died is sent again after the lease. Each
 * endpoint is served by one virtual thread at a time, in event order per customer: a slow or dead receiver holds
 * up only its own deliveries, never the API nor other endpoints.
 */
final class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbcClient jdbc;
    private final DeliveryQueue queue;
    private final CustomerEvents events;
    private final ObjectMapper json;
    private final WebhookSender sender;
    private final ExecutorService senders;
    private final InstantSource clock;
    private final WebhookProperties properties;
    private final WebhookMeters meters;
    /** The endpoints being sent to, each with the end of its send. */
    private final Map<UUID, CompletableFuture<Void>> sending = new ConcurrentHashMap<>();

    WebhookDispatcher(JdbcClient jdbc, DeliveryQueue queue, CustomerEvents events, ObjectMapper json, WebhookSender sender,
                      ExecutorService senders, InstantSource clock, WebhookProperties properties,
                      WebhookMeters meters) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.events = events;
        this.json = json;
        this.sender = sender;
        this.senders = senders;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
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
            CompletableFuture<Void> sent = new CompletableFuture<>();
            sending.put(endpointId, sent);
            senders.submit(() -> {
                try {
                    deliveries.forEach(this::send);
                } finally {
                    sending.remove(endpointId, sent);
                    sent.complete(null);
                }
            });
        });
    }

    /** The sends under way now, each done once it has ended: for a test that waits for them rather than for time. */
    List<CompletableFuture<Void>> sendsUnderWay() {
        return List.copyOf(sending.values());
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        return queue.claim(now, sending.keySet(), properties.batchSize(), now.plus(properties.lease()));
    }

    /** Succeeded deliveries older than the retention go; failed and dead ones stay for the seller to see. */
    void purgeDelivered() {
        int purged = queue.purgeDelivered(clock.instant().minus(properties.deliveredRetention()));
        if (purged > 0) {
            log.info("purged {} webhook deliveries delivered more than {} ago", purged,
                    properties.deliveredRetention());
        }
    }

    private void send(Claimed delivery) {
        Integer statusCode = null;
        try {
            String body = events.find(delivery.eventId())
                    .map(event -> json.writeValueAsString(EventJson.Event.of(event)))
                    .orElseThrow(() -> new IllegalStateException("event " + delivery.eventId() + " is not in the"
                            + " customer-event read model"));
            long now = clock.instant().getEpochSecond();
            OptionalInt answered = sender.post(delivery.url(), Map.of(
                    "User-Agent", "customer-registration-webhooks",
                    WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now, body)), body);
            statusCode = answered.isPresent() ? answered.getAsInt() : null;
        } catch (InterruptedException stopping) {
            // Shutting down: the lease runs out and another poll sends it again.
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException failure) {
            log.warn("webhook delivery {} failed: {}", delivery.id(), failure.toString());
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
