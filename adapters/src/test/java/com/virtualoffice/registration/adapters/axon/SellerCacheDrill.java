package com.virtualoffice.registration.adapters.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.lang.management.ManagementFactory;
import java.util.Map;
import org.axonframework.common.caching.Cache;

/**
 * Run by {@code bench/cache-drill.sh} in a JVM of a small heap: large sellers, one after another, go through the
 * seller cache as commands on each would put them. Bounded by customers ({@code customers CAP}), the cache evicts and
 * the heap holds; bounded by count as it was ({@code count CAP}, 10,000 sellers by default), every seller stays and
 * the heap runs out.
 *
 * <pre>java -Xmx... SellerCacheDrill customers|count CAP SELLERS CUSTOMERS_EACH</pre>
 */
public final class SellerCacheDrill {

    private SellerCacheDrill() {
    }

    public static void main(String[] args) {
        boolean byCustomers = args[0].equals("customers");
        long cap = Long.parseLong(args[1]);
        int sellers = Integer.parseInt(args[2]);
        int customersEach = Integer.parseInt(args[3]);
        Map<Object, Object> byCount = Caffeine.newBuilder().maximumSize(cap).executor(Runnable::run).build().asMap();
        Cache cache = byCustomers ? new CaffeineAggregateCache(cap) : null;
        for (int i = 0; i < sellers; i++) {
            var entry = CaffeineAggregateCacheTest.cached(CaffeineAggregateCacheTest.seller(customersEach));
            if (byCustomers) {
                cache.put("seller-" + i, entry);
            } else {
                byCount.put("seller-" + i, entry);
            }
            int held = 0;
            for (int s = 0; s <= i; s++) {
                held += (byCustomers ? cache.containsKey("seller-" + s) : byCount.containsKey("seller-" + s)) ? 1 : 0;
            }
            System.out.printf("after seller %d: %d held, %d MB of heap live%n", i + 1, held, liveHeap() >> 20);
        }
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
