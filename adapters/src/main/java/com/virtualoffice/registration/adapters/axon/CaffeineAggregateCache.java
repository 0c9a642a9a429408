package com.virtualoffice.registration.adapters.axon;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

/**
 * A cache of loaded sellers bounded by their customers, not by their number: a seller weighs one plus the
 * customers it holds, and Caffeine evicts (least frequently and recently used first) once the total passes the
 * cap. A cap on the count let a handful of million-customer sellers fill the heap, while ten thousand small ones
 * took almost nothing. Axon's own in-memory cache holds entries by weak reference, so every garbage collection
 * would empty it and the next command would reload a large seller from its snapshot.
 *
 * <p>An entry is weighed when it is put, which Axon does after each command that loaded or changed the seller.
 */
final class CaffeineAggregateCache implements Cache {

    private final ConcurrentMap<Object, Object> entries;

    CaffeineAggregateCache(long maximumCustomers) {
        this(maximumCustomers, Runnable::run);
    }

    /** @param maintenance where Caffeine evicts; the caller's thread by default, so that the cap holds at once */
    CaffeineAggregateCache(long maximumCustomers, Executor maintenance) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maximumCustomers)
                .weigher((Object key, Object value) -> weightOf(value))
                .executor(maintenance)
                .build().asMap();
    }

    /** One plus the seller's customers; anything else Axon might cache weighs one. */
    static int weightOf(Object value) {
        if (value instanceof AggregateCacheEntry<?> entry
                && StoreVerifiedCache.aggregateOf(entry) instanceof SellerAggregate seller) {
            return 1 + seller.state().liveCustomers();
        }
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** Axon registers no listeners on aggregate caches; refusing makes a future use visible instead of silent. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("entry listeners are not supported by this cache");
    }
}
