package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.adapters.persistence.ProjectionWrites;
import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.time.ZoneOffset;
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

    private final ProjectionWrites writes;

    WebhookOutbox(ProjectionWrites writes) {
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

    private void enqueue(UUID sellerId, UUID customerId, CustomerEventType type, EventMessage<?> message,
                         long sequence) {
        writes.sql("""
                        INSERT INTO webhook_deliveries (id, endpoint_id, seller_id, event_id, customer_id,
                            event_sequence, status, next_attempt_at, created_at, retrying_since)
                        SELECT gen_random_uuid(), e.id, :sellerId, :eventId, :customerId, :sequence, 'pending',
                            :at, :at, :at
                        FROM webhook_endpoints e
                        WHERE e.seller_id = :sellerId AND e.deleted_at IS NULL AND :type = ANY (e.events)
                        """)
                .param("sellerId", sellerId)
                .param("eventId", UUID.fromString(message.getIdentifier()))
                .param("customerId", customerId)
                .param("sequence", sequence)
                .param("type", type.code())
                .param("at", message.getTimestamp().atOffset(ZoneOffset.UTC))
                .update();
    }
}
