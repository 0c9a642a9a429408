package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.CustomerLimit;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots spaced by the seller's size (a fixed minimum for small sellers, a share of the customers beyond),
 * copied by the seller after its events and written only once the command commits.
 */
class SellerSnapshotsTest {

    private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final Instant NOW = Instant.parse("2026-01-15T10:30:00.000Z");
    private static final int MINIMUM = 5;
    private static final double PER_CUSTOMER = 0.5;
    private static final PlanCatalog PLANS = plan -> Optional.of(CustomerLimit.of(1_000));

    private final List<DomainEventMessage<SellerAggregate>> written = new ArrayList<>();
    private final SellerSnapshots snapshots = new SellerSnapshots(MINIMUM, PER_CUSTOMER, written::add, Runnable::run);
    private FixtureConfiguration<SellerAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SellerAggregate.class)
                .registerInjectableResource(PLANS)
                .registerInjectableResource(snapshots)
                .registerInjectableResource(new EmailRecords((seller, customer) -> Optional.empty()))
                .registerCommandTargetResolver(new SellerTargetResolver());
        // Taking a snapshot restarts the seller's count of events since one, which sourcing the same events
        // again cannot know of; the fixture would report that as a state change outside an event handler.
        fixture.setReportIllegalStateChange(false);
    }

    @Test
    void a_small_seller_is_snapshotted_once_the_minimum_number_of_events_is_reached() {
        fixture.given(registration(), customer("a"), customer("b"), customer("c"))
                .when(register("d"));

        assertThat(written).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.getAggregateIdentifier()).isEqualTo(SELLER.toString());
            assertThat(snapshot.getType()).isEqualTo("SellerAggregate");
            // The seller's fifth event, d's registration, is its last in the snapshot.
            assertThat(snapshot.getSequenceNumber()).isEqualTo(4);
            assertThat(restored(snapshot).state().liveCustomers()).isEqualTo(4);
        });
    }

    @Test
    void before_the_minimum_nothing_is_written() {
        fixture.given(registration(), customer("a"), customer("b"))
                .when(register("c"));

        assertThat(written).isEmpty();
    }

    @Test
    void a_large_seller_waits_for_its_share_of_customers_in_events() {
        assertThat(snapshots.due(MINIMUM - 1, 2)).isFalse();
        assertThat(snapshots.due(MINIMUM, 2)).isTrue();
        // Half an event per customer: 40 events when it holds 80, and deletions shrink the spacing again.
        assertThat(snapshots.due(39, 80)).isFalse();
        assertThat(snapshots.due(40, 80)).isTrue();
        assertThat(snapshots.due(39, 78)).isTrue();
    }

    @Test
    void the_copy_is_left_alone_by_the_events_that_follow_it() {
        SellerAggregate seller = new SellerAggregate();
        seller.on(registration());
        seller.on(customer("a"));
        seller.on(customer("b"));

        SellerSnapshot copy = SellerSnapshot.of(seller.state());
        seller.on(customer("c"));
        seller.on(new CustomerDeleted(SELLER, id("a"), NOW));

        assertThat(copy.restore().customers().asMap()).containsOnlyKeys(id("a"), id("b"));
        assertThat(copy.restore().customerHolding(new Email("a@example.com"))).contains(id("a"));
    }

    @Test
    void a_rejected_command_commits_nothing_new_and_still_counts_what_was_loaded() {
        fixture.given(registration(), customer("a"), customer("b"), customer("c"), customer("d"))
                .when(register("a"));

        // Loaded from five events and nothing since a snapshot: due, at the last stored sequence number.
        assertThat(written).singleElement().satisfies(snapshot ->
                assertThat(snapshot.getSequenceNumber()).isEqualTo(4));
    }

    /** The seller as a later load gets it: through the snapshot's JSON. */
    private static SellerAggregate restored(DomainEventMessage<SellerAggregate> snapshot) {
        var serializer = Jackson3Serializer.builder().revisionResolver(new EventRevisionResolver()).build();
        return serializer.deserialize(serializer.serialize(snapshot.getPayload(), byte[].class));
    }

    private static SellerRegistered registration() {
        return new SellerRegistered(SELLER, "Acme", "enterprise", NOW);
    }

    private static CustomerRegistered customer(String name) {
        return new CustomerRegistered(SELLER, id(name), "Ada", "Lovelace",
                name + "@example.com", null, null, Language.EN, CustomerStatus.ACTIVE, null, null, NOW);
    }

    private static RegisterCustomer register(String name) {
        return new RegisterCustomer(SELLER, UUID.randomUUID(), details(name), NOW);
    }

    private static CustomerDetails details(String name) {
        return new CustomerDetails("Ada", "Lovelace", new Email(name + "@example.com"), null, null, Language.EN,
                CustomerStatus.ACTIVE, Address.EMPTY, null);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }
}
