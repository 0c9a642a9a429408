package com.virtualoffice.registration.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery queue in PostgreSQL. Rows here are due in a far future, so the running service's own polls never
 * take them; claims pass every other endpoint as busy, so they take nothing else.
 */
class DeliveryQueueTest extends ServiceTest {

    private static final Instant FUTURE = Instant.parse("2200-01-01T00:00:00Z");

    @Autowired
    private JdbcClient jdbc;

    private DeliveryQueue queue() {
        return new DeliveryQueue(jdbc);
    }

    private UUID endpoint(UUID sellerId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_endpoints (id, seller_id, url, events, secret, created_at)
                        VALUES (:id, :seller, 'https://hooks.example.com/queue', ARRAY['customer.created'], 'whsec_q',
                            :now)
                        """)
                .param("id", id).param("seller", sellerId).param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private UUID delivery(UUID sellerId, UUID endpointId, String status, Instant due, Instant lastAttempt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_deliveries (id, endpoint_id, seller_id, event_id, customer_id,
                            event_sequence, status, next_attempt_at, last_attempt_at, created_at, retrying_since)
                        VALUES (:id, :endpoint, :seller, gen_random_uuid(), gen_random_uuid(), 0, :status, :due,
                            :last, :created, :created)
                        """)
                .param("id", id).param("endpoint", endpointId).param("seller", sellerId).param("status", status)
                .param("due", due == null ? null : due.atOffset(ZoneOffset.UTC))
                .param("last", lastAttempt == null ? null : lastAttempt.atOffset(ZoneOffset.UTC))
                .param("created", (due == null ? lastAttempt : due).atOffset(ZoneOffset.UTC))
                .update();
        return id;
    }

    private List<UUID> otherEndpoints(List<UUID> ours) {
        List<UUID> others = new ArrayList<>(jdbc.sql("SELECT id FROM webhook_endpoints").query(UUID.class).list());
        others.removeAll(ours);
        return others;
    }

    @Test
    void given_one_sellers_backlog_due_first_when_claimed_then_another_sellers_first_delivery_is_in_the_batch() {
        UUID busySeller = UUID.randomUUID();
        UUID quietSeller = UUID.randomUUID();
        List<UUID> busyEndpoints = List.of(endpoint(busySeller), endpoint(busySeller));
        UUID quietEndpoint = endpoint(quietSeller);
        for (int i = 0; i < 50; i++) {
            delivery(busySeller, busyEndpoints.get(i % 2), "pending", FUTURE.plusSeconds(i), null);
        }
        UUID quietFirst = delivery(quietSeller, quietEndpoint, "pending", FUTURE.plusSeconds(60), null);
        List<UUID> ours = List.of(busyEndpoints.get(0), busyEndpoints.get(1), quietEndpoint);

        var claimed = queue().claim(FUTURE.plus(Duration.ofHours(1)), otherEndpoints(ours), 5,
                FUTURE.plus(Duration.ofHours(2)));

        assertThat(claimed).hasSize(5);
        assertThat(claimed).extracting(DeliveryQueue.Claimed::id).contains(quietFirst);
    }

    @Test
    void given_succeeded_deliveries_older_and_younger_than_the_retention_when_purged_then_only_the_old_go() {
        UUID seller = UUID.randomUUID();
        UUID endpoint = endpoint(seller);
        Instant now = Instant.now();
        UUID oldSucceeded = delivery(seller, endpoint, "succeeded", null, now.minus(Duration.ofDays(31)));
        UUID youngSucceeded = delivery(seller, endpoint, "succeeded", null, now.minus(Duration.ofDays(29)));
        UUID oldDead = delivery(seller, endpoint, "dead", null, now.minus(Duration.ofDays(31)));

        queue().purgeDelivered(now.minus(Duration.ofDays(30)));

        List<UUID> left = jdbc.sql("SELECT id FROM webhook_deliveries WHERE endpoint_id = :endpoint")
                .param("endpoint", endpoint).query(UUID.class).list();
        assertThat(left).containsExactlyInAnyOrder(youngSucceeded, oldDead).doesNotContain(oldSucceeded);
    }
}
