package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.adapters.persistence.RowKind;
import com.virtualoffice.registration.adapters.persistence.RowWriter;
import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Queues a delivery for every endpoint subscribed to an event, in the transaction of the command that caused it
 * (sent with the read models' writes, just before the commit).
 * A side effect, not a read model: read-model rebuilds do not run it, so a rebuild never sends anything again.
 */
@ProcessingGroup(AxonConfiguration.READ_MODELS)
class WebhookOutbox {

    /** An event of a customer, to be delivered to each endpoint of its seller that listens for its type. */
    record Delivery(UUID sellerId, UUID eventId, UUID customerId, long sequence, CustomerEventType type,
                    OffsetDateTime at) {
    }

    /**
     * Only the endpoints listening make rows: a seller without any gets none, and the statement, sent in the
     * create's one round trip, costs it no round trip of its own.
     */
    private static final RowKind.Statement<Delivery> DELIVERIES = RowKind.statement("webhook_deliveries",
            row -> """
                    INSERT INTO webhook_deliveries (id, endpoint_id, seller_id, event_id, customer_id,
                        event_sequence, status, next_attempt_at, created_at, retrying_since)
                    SELECT gen_random_uuid(), e.id, e.seller_id, CAST(? AS uuid), CAST(? AS uuid), ?, 'pending',
                        CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS timestamptz)
                    FROM webhook_endpoints e
                    WHERE e.seller_id = ? AND e.deleted_at IS NULL AND (? OR ? = ANY (e.events))""",
            row -> List.of(row.eventId(), row.customerId(), row.sequence(), row.at(), row.at(), row.at(),
                    row.sellerId(), row.type().toEveryEndpoint(), row.type().code()));

    private final RowWriter writes;

    WebhookOutbox(RowWriter writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(CustomerRegistered event, EventMessage<?> message, @SequenceNumber long sequence) {
        enqueue(event.sellerId(), event.customerId(), CustomerEventType.CREATED, message, sequence);
    }

    @EventHandler
    void on(CustomerUpdated event, EventMessage<?> message, @SequenceNumber long sequence) {
        enqueue(event.sellerId(), event.customerId(), CustomerEventType.UPDATED, message, sequence);
    }

    @EventHandler
    void on(CustomerDeleted event, EventMessage<?> message, @SequenceNumber long sequence) {
        enqueue(event.sellerId(), event.customerId(), CustomerEventType.DELETED, message, sequence);
    }

    @EventHandler
    void on(CustomerErased event, EventMessage<?> message, @SequenceNumber long sequence) {
        enqueue(event.sellerId(), event.customerId(), CustomerEventType.ERASED, message, sequence);
    }

    private void enqueue(UUID sellerId, UUID customerId, CustomerEventType type, EventMessage<?> message,
                         long sequence) {
        writes.add(DELIVERIES, new Delivery(sellerId, UUID.fromString(message.getIdentifier()), customerId, sequence,
                type, message.getTimestamp().atOffset(ZoneOffset.UTC)));
    }
}
