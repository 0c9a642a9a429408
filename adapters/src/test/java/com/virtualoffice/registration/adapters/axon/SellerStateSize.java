package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.Seller;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import com.virtualoffice.registration.domain.SellerState;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.jackson3.Jackson3Serializer;

/**
 * Bytes per customer of a seller's state, on the heap and in its snapshot: run by {@code bench/state-size.sh}, one
 * JVM per size. The heap figure is the live heap after a full collection with the state held, less the same
 * before it was built; the snapshot figure is the serialised snapshot's length, as the event store keeps it.
 * Customers are named as the benchmarks name theirs ({@code c<n>@example.com}).
 *
 * <pre>java ... SellerStateSize CUSTOMERS  ->  "customers heap_bytes_per_customer snapshot_bytes_per_customer"</pre>
 */
public final class SellerStateSize {

    private static SellerState held;

    private SellerStateSize() {
    }

    public static void main(String[] args) {
        int customers = Integer.parseInt(args[0]);
        UUID sellerId = UUID.randomUUID();
        Instant now = Instant.parse("2026-01-15T10:30:00Z");
        long before = liveHeap();
        SellerState state = Seller.evolve(SellerState.UNREGISTERED, new SellerRegistered(sellerId, "Bench",
                "enterprise", now));
        for (int n = 0; n < customers; n++) {
            state = Seller.evolve(state, new CustomerRegistered(sellerId, UUID.randomUUID(), "First" + n,
                    "Last" + n, "c" + n + "@example.com", null, null, Language.DE, CustomerStatus.ACTIVE,
                    Address.EMPTY, null, now));
        }
        held = state;
        long heap = liveHeap() - before;
        var serializer = Jackson3Serializer.builder().revisionResolver(new EventRevisionResolver()).build();
        byte[] snapshot = serializer.serialize(SellerAggregate.snapshot(sellerId, SellerSnapshot.of(held)),
                byte[].class).getData();
        System.out.printf("%d %.1f %.1f%n", customers, heap / (double) customers,
                snapshot.length / (double) customers);
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
