package com.virtualoffice.registration.adapters.axon;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An aggregate cache whose entries are checked against the event store, without a round trip of their own where
 * the command appends. Each instance of the service caches sellers in its own memory, and all instances append to
 * one store: once another instance has appended to a seller, the seller cached here is behind.
 *
 * <ul>
 *   <li>A command that appends on a stale seller appends at a sequence number the store already holds: the unique
 *       (aggregate, sequence number) key refuses it ({@link EventRows}), Axon evicts the seller and the command is
 *       retried on the fresh history. Nothing is read for it beforehand.
 *   <li>A command that appends nothing (an email still taken, a plan still full, a customer or key not yet known)
 *       meets no key, and its wrong answer would go out unnoticed. So before such a transaction commits, the cached
 *       seller's last event is compared with the store's latest: if they differ, the seller is evicted and the
 *       command fails as an append conflict, to be retried on the fresh history.
 * </ul>
 *
 * <p>Axon reads its aggregate cache through {@link #get}, {@link #put} and {@link #remove} only; {@code get} is
 * called with the seller locked on this instance, inside the command's transaction.
 */
final class StoreVerifiedCache extends ForwardingCache {

    private static final Logger log = LoggerFactory.getLogger(StoreVerifiedCache.class);

    private final EventStoreHead store;
    private final Predicate<String> appendedInThisTransaction;

    StoreVerifiedCache(Cache cache, EventStoreHead store, Predicate<String> appendedInThisTransaction) {
        super(cache);
        this.store = store;
        this.appendedInThisTransaction = appendedInThisTransaction;
    }

    @Override
    public <K, V> V get(K key) {
        V value = super.get(key);
        if (value instanceof AggregateCacheEntry<?> entry) {
            Long cached = versionOf(entry);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                decidedOn().put(key.toString(), cached);
            } else if (isStale(key.toString(), cached)) {
                return null;
            }
        }
        return value;
    }

    private boolean isStale(String key, Long cached) {
        Long stored = store.latestSequenceNumber(key).orElse(null);
        if (Objects.equals(cached, stored)) {
            return false;
        }
        log.debug("{} was changed elsewhere since it was cached (event {} cached, {} stored): reloading",
                key, cached, stored);
        remove(key);
        return true;
    }

    /** The cached sellers this transaction decided on, with their versions; checked before it commits. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> decidedOn() {
        Map<String, Long> decided = (Map<String, Long>) TransactionSynchronizationManager.getResource(this);
        if (decided == null) {
            Map<String, Long> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    fresh.forEach((key, cached) -> {
                        if (!appendedInThisTransaction.test(key) && isStale(key, cached)) {
                            throw new ConcurrencyException("seller " + key + " was decided on a stale cache entry");
                        }
                    });
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StoreVerifiedCache.this);
                }
            });
            decided = fresh;
        }
        return decided;
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
