package com.virtualoffice.registration.adapters.persistence;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throws the read models away and builds them again from every event in the store, in one transaction. The
 * tables are locked meanwhile: commands wait rather than interleave, so the rebuilt tables are exactly what the
 * events say, and readers see either the old tables or the new ones.
 */
public final class ReadModelRebuild {

    /** Every read model the projections write. */
    static final String TABLES = "sellers, api_keys, customers, customer_events";

    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final EventStorageEngine eventStore;
    private final List<Object> projections;

    ReadModelRebuild(TransactionTemplate transaction, JdbcClient jdbc, EventStorageEngine eventStore,
                     List<Object> projections) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.projections = List.copyOf(projections);
    }

    /** Rebuilds every read model and returns how many events were replayed. */
    public long rebuild() {
        return transaction.execute(status -> {
            jdbc.sql("LOCK TABLE " + TABLES + " IN ACCESS EXCLUSIVE MODE").update();
            jdbc.sql("TRUNCATE " + TABLES).update();
            List<AnnotationEventHandlerAdapter> handlers =
                    projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
            AtomicLong replayed = new AtomicLong();
            try (Stream<? extends EventMessage<?>> events = eventStore.readEvents(null, false)) {
                events.forEach(event -> {
                    handlers.forEach(handler -> replay(handler, event));
                    replayed.incrementAndGet();
                });
            }
            return replayed.get();
        });
    }

    private static void replay(AnnotationEventHandlerAdapter handler, EventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException("replaying event " + event.getIdentifier() + " failed", e);
        }
    }
}
