package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.webhooks.CustomerDelivery;
import com.virtualoffice.registration.application.webhooks.WebhookDelivery;
import com.virtualoffice.registration.application.webhooks.WebhookEndpoint;
import com.virtualoffice.registration.application.webhooks.WebhookEndpoints;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook endpoints and their deliveries in PostgreSQL. */
final class WebhookTables implements WebhookEndpoints {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final InstantSource clock;

    WebhookTables(JdbcClient jdbc, TransactionTemplate transaction, InstantSource clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** One seller's registrations take turns (an advisory lock), so two at once cannot both pass the checks. */
    @Override
    public AddResult add(WebhookEndpoint endpoint, String secret, int maxPerSeller) {
        return transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('webhook_endpoints:' || :sellerId, 0))")
                    .param("sellerId", endpoint.sellerId().toString())
                    .query((row, n) -> 1).list();
            var existing = jdbc.sql("""
                            SELECT count(*) AS endpoints, count(*) FILTER (WHERE url = :url) AS same_url
                            FROM webhook_endpoints WHERE seller_id = :sellerId AND deleted_at IS NULL
                            """)
                    .param("sellerId", endpoint.sellerId())
                    .param("url", endpoint.url())
                    .query((row, n) -> new long[] {row.getLong("endpoints"), row.getLong("same_url")})
                    .single();
            if (existing[1] > 0) {
                return AddResult.DUPLICATE_URL;
            }
            if (existing[0] >= maxPerSeller) {
                return AddResult.LIMIT_REACHED;
            }
            jdbc.sql("""
                            INSERT INTO webhook_endpoints (id, seller_id, url, events, secret, created_at)
                            VALUES (:id, :sellerId, :url, :events, :secret, :createdAt)
                            """)
                    .param("id", endpoint.id())
                    .param("sellerId", endpoint.sellerId())
                    .param("url", endpoint.url())
                    .param("events", endpoint.events().stream().map(CustomerEventType::code)
                            .toArray(String[]::new))
                    .param("secret", secret)
                    .param("createdAt", endpoint.createdAt().atOffset(ZoneOffset.UTC))
                    .update();
            return AddResult.ADDED;
        });
    }

    @Override
    public List<WebhookEndpoint> ofSeller(UUID sellerId) {
        return jdbc.sql("""
                        SELECT id, seller_id, url, events, created_at FROM webhook_endpoints
                        WHERE seller_id = :sellerId AND deleted_at IS NULL ORDER BY created_at, id
                        """)
                .param("sellerId", sellerId)
                .query(WebhookTables::endpoint)
                .list();
    }

    @Override
    public boolean remove(UUID sellerId, UUID endpointId) {
        return jdbc.sql("""
                        UPDATE webhook_endpoints SET deleted_at = :now
                        WHERE id = :id AND seller_id = :sellerId AND deleted_at IS NULL
                        """)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", endpointId)
                .param("sellerId", sellerId)
                .update() == 1;
    }

    @Override
    public Optional<List<WebhookDelivery>> deliveries(UUID sellerId, UUID endpointId, int limit) {
        if (!owns(sellerId, endpointId)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        SELECT id, event_id, status, attempts, last_attempt_at, last_status_code
                        FROM webhook_deliveries WHERE endpoint_id = :endpointId
                        ORDER BY created_at DESC, event_sequence DESC LIMIT :limit
                        """)
                .param("endpointId", endpointId)
                .param("limit", limit)
                .query((row, n) -> delivery(row))
                .list());
    }

    /** Rare (a customer's export), so served by the seller's rows rather than an index of its own. */
    @Override
    public List<CustomerDelivery> deliveriesOfCustomer(UUID sellerId, UUID customerId) {
        return jdbc.sql("""
                        SELECT id, endpoint_id, created_at, event_id, status, attempts, last_attempt_at,
                               last_status_code
                        FROM webhook_deliveries WHERE seller_id = :sellerId AND customer_id = :customerId
                        ORDER BY event_sequence, created_at, endpoint_id
                        """)
                .param("sellerId", sellerId)
                .param("customerId", customerId)
                .query((row, n) -> new CustomerDelivery(row.getObject("endpoint_id", UUID.class),
                        row.getObject("created_at", OffsetDateTime.class).toInstant(), delivery(row)))
                .list();
    }

    private static WebhookDelivery delivery(ResultSet row) throws SQLException {
        return new WebhookDelivery(row.getObject("id", UUID.class),
                row.getObject("event_id", UUID.class),
                WebhookDelivery.Status.valueOf(row.getString("status").toUpperCase(java.util.Locale.ROOT)),
                row.getInt("attempts"),
                Optional.ofNullable(row.getObject("last_attempt_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant).orElse(null),
                (Integer) row.getObject("last_status_code"));
    }

    @Override
    public RetryResult retry(UUID sellerId, UUID endpointId, UUID deliveryId) {
        if (!owns(sellerId, endpointId)) {
            return RetryResult.NOT_FOUND;
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int retried = jdbc.sql("""
                        UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = :now, retrying_since = :now
                        WHERE id = :id AND endpoint_id = :endpointId AND status IN ('dead', 'failed')
                        """)
                .param("now", now)
                .param("id", deliveryId)
                .param("endpointId", endpointId)
                .update();
        if (retried == 1) {
            return RetryResult.SCHEDULED;
        }
        boolean exists = jdbc.sql("SELECT count(*) FROM webhook_deliveries WHERE id = :id AND endpoint_id = :endpointId")
                .param("id", deliveryId)
                .param("endpointId", endpointId)
                .query(Long.class)
                .single() > 0;
        return exists ? RetryResult.NOT_RETRYABLE : RetryResult.NOT_FOUND;
    }

    private boolean owns(UUID sellerId, UUID endpointId) {
        return jdbc.sql("""
                        SELECT count(*) FROM webhook_endpoints
                        WHERE id = :id AND seller_id = :sellerId AND deleted_at IS NULL
                        """)
                .param("id", endpointId)
                .param("sellerId", sellerId)
                .query(Long.class)
                .single() > 0;
    }

    private static WebhookEndpoint endpoint(ResultSet row, int rowNumber) throws SQLException {
        Array events = row.getArray("events");
        return new WebhookEndpoint(row.getObject("id", UUID.class), row.getObject("seller_id", UUID.class),
                row.getString("url"),
                Arrays.stream((String[]) events.getArray()).map(CustomerEventType::fromCode).toList(),
                row.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
