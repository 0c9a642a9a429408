package com.virtualoffice.registration.adapters.axon;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An aggregate cache whose entries are checked against the event store before they are used. Each instance of
 * the service caches sellers in its own memory, and all instances append to one store: once another instance has
 * appended to a seller, the seller cached here is behind. A command accepted on it is caught by the store's unique
 * (aggregate, sequence number) key and retried on the fresh history; a command rejected on it (an email still
 * taken, a plan still full, a customer or key not yet known) writes nothing, and the wrong answer would go out
 * unnoticed. So a cached seller whose last event is not the store's latest is a miss: Axon then loads the seller
 * from the store, in the same transaction, and caches it again after the command.
 *
 * <p>Axon reads its aggregate cache through {@link #get}, {@link #put} and {@link #remove} only; {@code get} is
 * called with the seller locked on this instance, inside the command's transaction.
 */
final class StoreVerifiedCache extends ForwardingCache {

    private static final Logger log = LoggerFactory.getLogger(StoreVerifiedCache.class);

    private final EventStoreHead store;

    StoreVerifiedCache(Cache cache, EventStoreHead store) {
        super(cache);
        this.store = store;
    }

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value instanceof AggregateCacheEntry<?> entry) {
            Long cached = versionOf(entry);
            Long stored = store.latestSequenceNumber(key.toString()).orElse(null);
            if (!Objects.equals(cached, stored)) {
                log.debug("{} was changed elsewhere since it was cached (event {} cached, {} stored): reloading",
                        key, cached, stored);
                remove(key);
                return null;
            }
        }
        return value;
    }

    /**
     * The sequence number of the last event the cached aggregate applied. The entry keeps the live aggregate (only
     * a serialised entry lacks it, and the caches here hold references), and {@code recreateAggregate} hands that
     * back without using its arguments: the one public way to the version Axon recorded.
     */
    private static Long versionOf(AggregateCacheEntry<?> entry) {
        return entry.recreateAggregate(null, null, null).version();
    }

    /** The cached aggregate itself, the same way round. */
    static Object aggregateOf(AggregateCacheEntry<?> entry) {
        return entry.recreateAggregate(null, null, null).getAggregateRoot();
    }
}
