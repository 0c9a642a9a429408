package com.virtualoffice.registration.adapters.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.caching.Cache;

/**
 * Counts how often a command finds its seller in memory ({@code registration_seller_cache_total{result="hit"}})
 * and how often the seller is loaded from the store instead ({@code result="miss"}): not cached, evicted, or
 * changed by another instance since it was cached. Axon looks a seller up with {@link #get} once per command.
 */
final class MeteredCache extends ForwardingCache {

    private final Counter hits;
    private final Counter misses;

    MeteredCache(Cache cache, MeterRegistry registry) {
        super(cache);
        this.hits = counter(registry, "hit");
        this.misses = counter(registry, "miss");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("registration.seller.cache")
                .description("Sellers looked up in memory before a command, by whether they were there and current")
                .tag("result", result)
                .register(registry);
    }

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        (value == null ? misses : hits).increment();
        return value;
    }
}
