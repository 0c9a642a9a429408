package com.virtualoffice.registration.adapters.axon;

import static com.virtualoffice.registration.adapters.persistence.RowKind.column;

import com.virtualoffice.registration.adapters.persistence.EventDecoder;
import com.virtualoffice.registration.adapters.persistence.RowKind;
import com.virtualoffice.registration.adapters.persistence.RowWriter;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC event storage engine, whose appends join the read models' rows: the events go to the
 * {@link RowWriter} and reach PostgreSQL with the projections' rows, in the transaction's one round trip before
 * its commit, instead of a batch of their own. Reading, snapshots and the schema stay Axon's.
 *
 * <p>The store's unique (aggregate, sequence number) key still decides between two instances appending to one
 * seller: its violation, which now surfaces at the commit, is read here as the {@link ConcurrencyException} Axon
 * would have raised, so that the cached seller is evicted and the command retried.
 */
final class EventRows extends JdbcEventStorageEngine implements EventDecoder {

    /** One event as Axon's engine stores it: its timestamp as Axon's text, payload and metadata serialised. */
    record EventRow(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                    String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private final RowWriter rows;
    private final RowKind.Insert<EventRow> kind;
    private final Consumer<List<? extends SerializedObject<?>>> beforeDecoding;
    private final Consumer<List<? extends SerializedObject<?>>> beforeStreaming;

    /**
     * @param beforeDecoding  sees the payloads of each batch of an aggregate's events read from the store, on the
     *                        thread that decodes them next, before they are decoded
     * @param beforeStreaming the same for each batch of a stream over the whole store (tracked reads: replays)
     */
    EventRows(Builder builder, EventSchema schema, RowWriter rows,
              Consumer<List<? extends SerializedObject<?>>> beforeDecoding,
              Consumer<List<? extends SerializedObject<?>>> beforeStreaming) {
        super(builder);
        this.rows = rows;
        this.beforeDecoding = beforeDecoding;
        this.beforeStreaming = beforeStreaming;
        String table = schema.domainEventTable();
        this.kind = RowKind.insert(table, List.of(
                column(schema.eventIdentifierColumn(), "varchar", EventRow::eventIdentifier),
                column(schema.aggregateIdentifierColumn(), "varchar", EventRow::aggregateIdentifier),
                column(schema.sequenceNumberColumn(), "bigint", EventRow::sequenceNumber),
                column(schema.typeColumn(), "varchar", EventRow::type),
                column(schema.timestampColumn(), "varchar", EventRow::timestamp),
                column(schema.payloadTypeColumn(), "varchar", EventRow::payloadType),
                column(schema.payloadRevisionColumn(), "varchar", EventRow::payloadRevision),
                column(schema.payloadColumn(), "bytea", EventRow::payload),
                column(schema.metaDataColumn(), "bytea", EventRow::metaData)))
                // Event ids are random and global indexes a sequence's: a violated unique key is an append race.
                .failing(RowKind.onUniqueViolation(table, failure ->
                        new ConcurrencyException("another instance appended to the aggregate first", failure)));
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = EventUtils.asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            rows.add(kind, new EventRow(event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metaData.getData()));
            appendedInThisTransaction().ifPresent(appended -> appended.add(event.getAggregateIdentifier()));
        }
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        List<? extends TrackedEventData<?>> batch = super.fetchTrackedEvents(lastToken, batchSize);
        beforeStreaming.accept(payloads(batch));
        return batch;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        List<? extends DomainEventData<?>> batch =
                super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
        beforeDecoding.accept(payloads(batch));
        return batch;
    }

    private static List<SerializedObject<?>> payloads(List<? extends EventData<?>> batch) {
        return batch.stream().<SerializedObject<?>>map(EventData::getPayload).toList();
    }

    /**
     * Decodes events this engine read, here rather than on the thread that read them, as one batch of a stream
     * over the store (a replay's).
     */
    @Override
    public void decode(List<? extends EventMessage<?>> events) {
        Serializer serializer = getEventSerializer();
        // The stored bytes, which an event read and not yet decoded hands out as they are.
        beforeStreaming.accept(events.stream()
                .<SerializedObject<?>>map(event -> event.serializePayload(serializer, byte[].class))
                .toList());
        for (EventMessage<?> event : events) {
            event.getPayload();
            event.getMetaData();
        }
    }

    /** Whether the current transaction appended to the aggregate. */
    boolean appendedTo(String aggregateIdentifier) {
        return appendedInThisTransaction().map(appended -> appended.contains(aggregateIdentifier)).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private Optional<Set<String>> appendedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Set<String> appended = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (appended == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(EventRows.this);
                }
            });
            appended = fresh;
        }
        return Optional.of(appended);
    }
}
