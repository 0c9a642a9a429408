package com.virtualoffice.registration.adapters.axon;

import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a seller is snapshotted, and the writing of its snapshots. A snapshot holds every customer's email, so it
 * costs in proportion to the seller: it is due once the events since the last one reach a share of the customers,
 * and at least a minimum number. Taken every fixed number of events, a seller of 100,000 customers paid for all of
 * them every few hundred creates; spaced in proportion, the snapshot work per event stays constant, and loading a
 * seller (its snapshot plus the events after it) stays in proportion to its size.
 *
 * <p>The seller copies its state itself ({@link SellerAggregate}); this writes the copy on a thread of its own,
 * after the command's commit, so that neither serialising nor storing it holds up the seller's next commands.
 */
final class SellerSnapshots {

    private static final Logger log = LoggerFactory.getLogger(SellerSnapshots.class);
    /** The aggregate type Axon records with the seller's events, which its snapshots carry too. */
    private static final String TYPE = SellerAggregate.class.getSimpleName();

    private final int minimumEvents;
    private final double eventsPerCustomer;
    private final Store store;
    private final Executor writer;

    /** Where snapshots go: the event store's snapshot table, in a transaction of its own. */
    @FunctionalInterface
    interface Store {
        void store(DomainEventMessage<SellerAggregate> snapshot);
    }

    SellerSnapshots(int minimumEvents, double eventsPerCustomer, Store store, Executor writer) {
        this.minimumEvents = minimumEvents;
        this.eventsPerCustomer = eventsPerCustomer;
        this.store = store;
        this.writer = writer;
    }

    boolean due(long eventsSinceSnapshot, int customers) {
        return eventsSinceSnapshot >= Math.max(minimumEvents, (long) Math.ceil(customers * eventsPerCustomer));
    }

    /**
     * Writes the copy once the current unit of work has committed; never if it rolls back, since the copy may
     * hold events that were not stored.
     *
     * @param sequenceNumber the sequence number of the seller's last event the copy includes
     */
    void writeAfterCommit(UUID sellerId, long sequenceNumber, SellerSnapshot copy) {
        var snapshot = new GenericDomainEventMessage<>(TYPE, sellerId.toString(), sequenceNumber,
                SellerAggregate.snapshot(sellerId, copy));
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            try {
                writer.execute(() -> write(snapshot));
            } catch (RejectedExecutionException shuttingDown) {
                log.debug("not snapshotting seller {}: shutting down", sellerId);
            }
        });
    }

    /** A snapshot only saves loading time: failing to write one is worth a warning, not a failed command. */
    private void write(DomainEventMessage<SellerAggregate> snapshot) {
        try {
            store.store(snapshot);
        } catch (RuntimeException failure) {
            log.warn("could not store a snapshot of seller {} at sequence {}: {}", snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(), failure.toString());
        }
    }
}
