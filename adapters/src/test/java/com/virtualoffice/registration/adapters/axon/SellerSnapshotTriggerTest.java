package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.junit.jupiter.api.Test;

/** Snapshots spaced by the seller's size: a fixed minimum for small sellers, a share of the customers beyond. */
class SellerSnapshotTriggerTest {

    private static final UUID SELLER = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-01-15T10:30:00.000Z");
    private static final int MINIMUM = 5;
    private static final double PER_CUSTOMER = 0.5;

    private final List<String> snapshotsOf = new ArrayList<>();
    private final SnapshotTrigger trigger = new SellerSnapshotTriggerDefinition(
            (type, id) -> snapshotsOf.add(id), MINIMUM, PER_CUSTOMER).prepareTrigger(SellerAggregate.class);
    private long sequence;

    @Test
    void a_small_seller_is_snapshotted_every_minimum_number_of_events() {
        handle(new SellerRegistered(SELLER, "Acme", "free", NOW));
        registerCustomers(9);

        assertThat(snapshotsOf).containsExactly(SELLER.toString(), SELLER.toString());
    }

    @Test
    void a_seller_loaded_from_a_large_snapshot_waits_for_its_share_of_events() {
        SellerAggregate snapshot = new SellerAggregate();
        snapshot.on(new SellerRegistered(SELLER, "Acme", "free", NOW));
        for (int i = 0; i < 40; i++) {
            snapshot.on(registered());
        }
        handle(snapshot);

        // Half an event per customer: 40 more events, when it holds 80.
        registerCustomers(39);
        assertThat(snapshotsOf).isEmpty();
        registerCustomers(1);
        assertThat(snapshotsOf).containsExactly(SELLER.toString());
    }

    @Test
    void deletions_shrink_the_spacing_again() {
        handle(new SellerRegistered(SELLER, "Acme", "free", NOW));
        List<UUID> customers = registerCustomers(20);
        snapshotsOf.clear();
        for (UUID customer : customers.subList(0, 12)) {
            handle(new CustomerDeleted(SELLER, customer, NOW));
        }
        // From 20 customers down to 8, the spacing shrinks from 10 events towards the minimum of 5.
        assertThat(snapshotsOf).hasSize(2);
    }

    private List<UUID> registerCustomers(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CustomerRegistered event = registered();
            ids.add(event.customerId());
            handle(event);
        }
        return ids;
    }

    private static CustomerRegistered registered() {
        UUID customer = UUID.randomUUID();
        return new CustomerRegistered(SELLER, customer, "Ada", "Lovelace", customer + "@example.com", null, null,
                Language.EN, CustomerStatus.ACTIVE, null, null, NOW);
    }

    private void handle(Object payload) {
        trigger.eventHandled(new GenericDomainEventMessage<>("SellerAggregate", SELLER.toString(), sequence++,
                payload));
    }
}
