package com.virtualoffice.registration.adapters.axon;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sequence number of an aggregate's latest stored event, read through Spring's JDBC support so that inside a
 * command it runs on the command's own connection and transaction. One backward step on the unique
 * (aggregate, sequence number) index.
 */
final class EventStoreHead {

    private final JdbcClient jdbc;
    private final String query;

    EventStoreHead(JdbcClient jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.query = "SELECT max(" + schema.sequenceNumberColumn() + ") FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ?";
    }

    /** Empty when the aggregate has no events at all. */
    Optional<Long> latestSequenceNumber(String aggregateIdentifier) {
        return jdbc.sql(query).param(aggregateIdentifier).query(Long.class).optional();
    }
}
