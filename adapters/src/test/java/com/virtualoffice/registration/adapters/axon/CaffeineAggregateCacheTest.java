package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

/** The seller cache is bounded by the customers its sellers hold, whatever their number. */
class CaffeineAggregateCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:30:00Z");

    @Test
    void a_seller_weighs_one_plus_its_customers() {
        assertThat(CaffeineAggregateCache.weightOf(cached(seller(0)))).isEqualTo(1);
        assertThat(CaffeineAggregateCache.weightOf(cached(seller(250)))).isEqualTo(251);
        assertThat(CaffeineAggregateCache.weightOf("something else Axon caches")).isEqualTo(1);
    }

    @Test
    void large_sellers_past_the_cap_are_evicted_rather_than_held() {
        CaffeineAggregateCache cache = new CaffeineAggregateCache(2_500);

        for (int i = 0; i < 6; i++) { // six sellers of 1,000 customers: 6,006 against a cap of 2,500
            cache.put("seller-" + i, cached(seller(1_000)));
        }

        long held = IntStream.range(0, 6).filter(i -> cache.containsKey("seller-" + i)).count();
        assertThat(held).isBetween(1L, 2L);
    }

    @Test
    void many_small_sellers_fit_where_few_large_ones_do_not() {
        CaffeineAggregateCache cache = new CaffeineAggregateCache(2_500);

        for (int i = 0; i < 200; i++) { // 200 sellers of 10 customers: 2,200
            cache.put("seller-" + i, cached(seller(10)));
        }

        assertThat(IntStream.range(0, 200).filter(i -> cache.containsKey("seller-" + i)).count()).isEqualTo(200);
    }

    /** An entry as Axon's caching repository puts it: the live aggregate, at its last event. */
    static AggregateCacheEntry<SellerAggregate> cached(SellerAggregate seller) {
        var model = AnnotatedAggregateMetaModelFactory.inspectAggregate(SellerAggregate.class);
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(seller, model,
                seller.state().liveCustomers(), false, SimpleEventBus.builder().build(),
                NoSnapshotTriggerDefinition.TRIGGER));
    }

    static SellerAggregate seller(int customers) {
        UUID sellerId = UUID.randomUUID();
        SellerAggregate seller = new SellerAggregate();
        seller.on(new SellerRegistered(sellerId, "Acme", "enterprise", NOW));
        for (int n = 0; n < customers; n++) {
            seller.on(new CustomerRegistered(sellerId, UUID.randomUUID(), "Ada", "Lovelace", "c" + n + "@example.com",
                    null, null, Language.DE, CustomerStatus.ACTIVE, Address.EMPTY, null, NOW));
        }
        return seller;
    }
}
