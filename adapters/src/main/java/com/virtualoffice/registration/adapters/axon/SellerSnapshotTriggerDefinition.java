package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.AbstractSnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;

/**
 * Snapshots a seller once the events since its last snapshot reach a share of its customers, and at least a
 * minimum number. A snapshot holds every customer's email, so it costs in proportion to the seller; taken every
 * fixed number of events, a seller of 100,000 customers paid for all of them every few hundred creates, and its
 * creates got slower as it grew. Spaced in proportion, the snapshot work per event stays constant, and loading a
 * seller (its snapshot plus the events after it) stays in proportion to its size.
 */
final class SellerSnapshotTriggerDefinition implements SnapshotTriggerDefinition {

    private final Snapshotter snapshotter;
    private final int minimumEvents;
    private final double eventsPerCustomer;

    SellerSnapshotTriggerDefinition(Snapshotter snapshotter, int minimumEvents, double eventsPerCustomer) {
        this.snapshotter = snapshotter;
        this.minimumEvents = minimumEvents;
        this.eventsPerCustomer = eventsPerCustomer;
    }

    @Override
    public SnapshotTrigger prepareTrigger(Class<?> aggregateType) {
        return new Trigger(snapshotter, aggregateType, minimumEvents, eventsPerCustomer);
    }

    @Override
    public SnapshotTrigger reconfigure(Class<?> aggregateType, SnapshotTrigger trigger) {
        if (trigger instanceof Trigger known) {
            known.setSnapshotter(snapshotter);
            return known;
        }
        return prepareTrigger(aggregateType);
    }

    /** Follows the seller's size through the events it sees: the snapshot it was loaded from, then each event. */
    static final class Trigger extends AbstractSnapshotTrigger {

        private final int minimumEvents;
        private final double eventsPerCustomer;
        private long customers;
        private long sinceSnapshot;

        Trigger(Snapshotter snapshotter, Class<?> aggregateType, int minimumEvents, double eventsPerCustomer) {
            super(snapshotter, aggregateType);
            this.minimumEvents = minimumEvents;
            this.eventsPerCustomer = eventsPerCustomer;
        }

        @Override
        public void eventHandled(EventMessage<?> message) {
            switch (message.getPayload()) {
                case SellerAggregate snapshot -> {
                    customers = snapshot.state().liveCustomers();
                    sinceSnapshot = 0;
                    return;
                }
                case CustomerRegistered registered -> customers++;
                case CustomerDeleted deleted -> customers--;
                default -> {
                }
            }
            super.eventHandled(message);
        }

        @Override
        protected boolean exceedsThreshold() {
            return ++sinceSnapshot >= Math.max(minimumEvents, (long) Math.ceil(customers * eventsPerCustomer));
        }

        @Override
        protected void reset() {
            sinceSnapshot = 0;
        }
    }
}
