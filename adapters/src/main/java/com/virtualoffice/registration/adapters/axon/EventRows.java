package com.virtualoffice.registration.adapters.axon;

import static com.virtualoffice.registration.adapters.persistence.RowKind.column;

import com.virtualoffice.registration.adapters.persistence.RowKind;
import com.virtualoffice.registration.adapters.persistence.RowWriter;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.util.PSQLException;
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
final class EventRows extends JdbcEventStorageEngine {

    /** One event as Axon's engine stores it: its timestamp as Axon's text, payload and metadata serialised. */
    record EventRow(String eventIdentifier, String aggregateIdentifier, long sequenceNumber, String type,
                    String timestamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private final RowWriter rows;
    private final RowKind.Insert<EventRow> kind;

    EventRows(Builder builder, EventSchema schema, RowWriter rows) {
        super(builder);
        this.rows = rows;
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
                .failing(failure -> appendConflict(failure, table));
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

    /** Any unique key of the event table: event ids are random and global indexes a sequence's, so it is an append race. */
    private static RuntimeException appendConflict(RuntimeException failure, String table) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException sql && "23505".equals(sql.getSQLState())
                    && sql.getServerErrorMessage() != null && table.equals(sql.getServerErrorMessage().getTable())) {
                return new ConcurrencyException("another instance appended to the aggregate first", failure);
            }
        }
        return failure;
    }
}
