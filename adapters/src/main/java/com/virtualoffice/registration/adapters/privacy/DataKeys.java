package com.virtualoffice.registration.adapters.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.virtualoffice.registration.adapters.persistence.RowKind;
import com.virtualoffice.registration.adapters.persistence.RowWriter;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customers' data keys: one random AES-256 key per customer, stored wrapped under the {@link MasterKey} in
 * {@code customer_data_keys}, outside the event store. Erasing a customer deletes its key, and with it every
 * personal field its events hold.
 *
 * <p>A new key is written with the customer's first event, in the same transaction and round trip (the
 * {@link RowWriter}), and reaches the cache only once that transaction has committed: a key whose events were
 * rolled back is never used again. Unwrapped keys are cached, a missing (erased) key too; a batch of events is
 * covered by one query for all its customers' keys ({@link #expect}), so a replay or a seller's load does not ask
 * once per customer. A replay's keys stay out of the cache ({@link #expectStreaming}).
 *
 * <p>An instance that did not run an erasure may hold the erased key until its cache entry expires (the cache's
 * lifetime bounds it). What it opens with such a key stays in memory or goes to read models the erasure's own rows
 * scrub: the erasure rewrites the customer's rows in its transaction, and a replay applies the
 * {@code CustomerErased} after the events it erases. It never decides anything by such a key: the seller it
 * folds ends with the erasure too.
 */
public final class DataKeys {

    static final String TABLE = "customer_data_keys";

    record StoredKey(UUID customerId, byte[] wrapped) {
    }

    private final JdbcClient jdbc;
    private final RowWriter rows;
    private final TransactionTemplate transactions;
    private volatile MasterKey master;
    /** A customer's unwrapped key, or empty when it has none (erased). */
    private final Cache<UUID, Optional<SecretKey>> cache;
    private final RowKind.Insert<StoredKey> inserts;
    private final RowKind.Statement<UUID> deletions;
    /** Queries for keys the cache did not have: at most one per batch of events read, as a rule. */
    private final Counter loads;
    /**
     * The batch of events this thread decodes next: its customers, and their keys once one of them missed the cache.
     * Looking the whole batch up at its first miss keeps a replay or a seller's load to one query per batch, and
     * costs nothing while the cache has every key (the usual case, where a warm-up ahead of time cost a parse and
     * a lookup per event). The keys stay with the batch because Caffeine may refuse to admit a key put into a full
     * cache (its admission favours keys used often): a replay over more customers than the cache holds would
     * otherwise load most of them one query each. At most one batch per thread, released with the next; its keys
     * are as stale as the cache's at worst, with the same reason why that leaks nothing (see above).
     */
    private final ThreadLocal<Batch> batch = new ThreadLocal<>();

    private static final class Batch {
        private final Supplier<Collection<UUID>> customers;
        /** False for a batch of a stream over the store: its keys stay with it and out of the cache. */
        private final boolean cached;
        private Map<UUID, Optional<SecretKey>> keys;

        private Batch(Supplier<Collection<UUID>> customers, boolean cached) {
            this.customers = customers;
            this.cached = cached;
        }
    }

    public DataKeys(JdbcClient jdbc, RowWriter rows, TransactionTemplate transactions, MasterKey master,
                    long cachedKeys, Duration cacheLifetime, Counter loads) {
        this.jdbc = jdbc;
        this.loads = loads;
        this.rows = rows;
        this.transactions = transactions;
        this.master = master;
        this.cache = Caffeine.newBuilder().maximumSize(cachedKeys).expireAfterWrite(cacheLifetime).build();
        this.inserts = RowKind.insert(TABLE, List.of(
                        RowKind.column("customer_id", "uuid", StoredKey::customerId),
                        RowKind.column("wrapped_key", "bytea", StoredKey::wrapped)))
                // Two instances giving a customer of the plaintext era its first key at once: the loser's command
                // is retried, as for any append race, and then finds the winner's key.
                .failing(RowKind.onUniqueViolation(TABLE, failure ->
                        new ConcurrencyException("another instance gave the customer a data key first", failure)));
        this.deletions = RowKind.statement(TABLE, id -> "DELETE FROM " + TABLE + " WHERE customer_id = ?",
                List::of);
    }

    /**
     * Whether the master key is the one the stored keys are wrapped under, by the check value sealed under it;
     * the first start stores the check value of its key.
     */
    public boolean masterKeyOpensStoredKeys() {
        jdbc.sql("INSERT INTO data_key_check (sealed) VALUES (?) ON CONFLICT DO NOTHING")
                .param(master.checkValue())
                .update();
        byte[] check = jdbc.sql("SELECT sealed FROM data_key_check").query(byte[].class).single();
        return master.opens(check);
    }

    /** The key to seal one of the customer's events with: a new one with its first event, else its stored one. */
    SecretKey forSealing(UUID customerId, boolean firstEvent) {
        Optional<SecretKey> known = known(customerId);
        if (known != null && known.isPresent()) {
            return known.get();
        }
        if (!firstEvent) {
            // A customer registered before sealing has no key until its first sealed event.
            Optional<SecretKey> stored = load(Set.of(customerId)).getOrDefault(customerId, Optional.empty());
            if (stored.isPresent()) {
                cache.put(customerId, stored);
                return stored.get();
            }
        }
        SecretKey created = Aead.newKey();
        rows.add(inserts, new StoredKey(customerId, master.wrap(customerId, created)));
        decide(customerId, Optional.of(created));
        return created;
    }

    /** The key the customer's sealed events open with; empty once it is erased. */
    Optional<SecretKey> forOpening(UUID customerId) {
        Optional<SecretKey> known = known(customerId);
        if (known != null) {
            return known;
        }
        Batch next = batch.get();
        if (next != null && next.keys == null) {
            next.keys = next.cached ? keysOf(next.customers.get()) : uncached(next.customers.get());
            if (next.keys.containsKey(customerId)) {
                return next.keys.get(customerId);
            }
        }
        Optional<SecretKey> stored = load(Set.of(customerId)).getOrDefault(customerId, Optional.empty());
        cache.put(customerId, stored);
        return stored;
    }

    /**
     * The customers of the events this thread decodes next, asked for when one of their keys is not cached: their
     * keys are then loaded in one query.
     */
    void expect(Supplier<Collection<UUID>> customers) {
        batch.set(new Batch(customers, true));
    }

    /**
     * Like {@link #expect}, for a batch of a stream over the whole store (a replay, a verify): its keys are loaded
     * in one query and stay with the batch, out of the cache. Such a stream meets each customer once, so caching
     * its keys would only push out those the commands use; over more customers than the cache holds, adding and
     * evicting them took a sixth of a replay's decoding.
     */
    void expectStreaming(Supplier<Collection<UUID>> customers) {
        batch.set(new Batch(customers, false));
    }

    /** The keys of these customers, loaded in one query, the cache neither asked nor told. */
    private Map<UUID, Optional<SecretKey>> uncached(Collection<UUID> customerIds) {
        Set<UUID> wanted = Set.copyOf(customerIds);
        Map<UUID, Optional<SecretKey>> keys = load(wanted);
        wanted.forEach(id -> keys.putIfAbsent(id, Optional.empty()));
        return keys;
    }

    /** The keys of these customers, in one query for those not cached, each cached. */
    private Map<UUID, Optional<SecretKey>> keysOf(Collection<UUID> customerIds) {
        Map<UUID, Optional<SecretKey>> keys = new HashMap<>();
        Set<UUID> missing = new HashSet<>();
        for (UUID id : customerIds) {
            Optional<SecretKey> known = cache.getIfPresent(id);
            if (known == null) {
                missing.add(id);
            } else {
                keys.put(id, known);
            }
        }
        if (!missing.isEmpty()) {
            Map<UUID, Optional<SecretKey>> loaded = load(missing);
            for (UUID id : missing) {
                Optional<SecretKey> key = loaded.getOrDefault(id, Optional.empty());
                cache.put(id, key);
                keys.put(id, key);
            }
        }
        return keys;
    }

    /** Deletes the customer's key with the current transaction: its sealed fields read as null from then on. */
    void destroy(UUID customerId) {
        // The batch is forgotten, not edited: loaded after this, it would take the key from the cache, which
        // learns of the deletion only at the commit.
        batch.remove();
        rows.add(deletions, customerId);
        decide(customerId, Optional.empty());
    }

    /**
     * Wraps every data key and the check value under the new master key, in one transaction: a failure leaves
     * everything under the current one. Instances still running with the old key are refused at their next start.
     *
     * @return how many data keys were wrapped again
     */
    public int rotate(MasterKey next) {
        Integer rotated = transactions.execute(status -> {
            List<StoredKey> stored = jdbc.sql("SELECT customer_id, wrapped_key FROM " + TABLE + " FOR UPDATE")
                    .query((row, n) -> new StoredKey(row.getObject(1, UUID.class), row.getBytes(2)))
                    .list();
            for (StoredKey key : stored) {
                byte[] rewrapped = next.wrap(key.customerId(), unwrap(key));
                jdbc.sql("UPDATE " + TABLE + " SET wrapped_key = ? WHERE customer_id = ?")
                        .params(rewrapped, key.customerId())
                        .update();
            }
            jdbc.sql("UPDATE data_key_check SET sealed = ?").param(next.checkValue()).update();
            return stored.size();
        });
        master = next;
        forgetCached();
        return rotated;
    }

    void forgetCached() {
        cache.invalidateAll();
    }

    private Map<UUID, Optional<SecretKey>> load(Set<UUID> customerIds) {
        Map<UUID, Optional<SecretKey>> loaded = new HashMap<>();
        loads.increment();
        jdbc.sql("SELECT customer_id, wrapped_key FROM " + TABLE + " WHERE customer_id = ANY(?)")
                .param(customerIds.toArray(UUID[]::new))
                .query((row, n) -> new StoredKey(row.getObject(1, UUID.class), row.getBytes(2)))
                .list()
                .forEach(key -> loaded.put(key.customerId(), Optional.of(unwrap(key))));
        return loaded;
    }

    private SecretKey unwrap(StoredKey key) {
        return master.unwrap(key.customerId(), key.wrapped()).orElseThrow(() -> new IllegalStateException(
                "the data key of customer " + key.customerId() + " does not open under the master key"));
    }

    /** This transaction's own decision first, then the cache; {@code null} when neither knows. */
    private Optional<SecretKey> known(UUID customerId) {
        Map<UUID, Optional<SecretKey>> decided = decidedInThisTransaction();
        if (decided != null && decided.containsKey(customerId)) {
            return decided.get(customerId);
        }
        Batch next = batch.get();
        if (next != null && next.keys != null && next.keys.containsKey(customerId)) {
            return next.keys.get(customerId);
        }
        return cache.getIfPresent(customerId);
    }

    /** Takes effect in the cache when the transaction commits, at once outside one. */
    private void decide(UUID customerId, Optional<SecretKey> key) {
        Map<UUID, Optional<SecretKey>> decided = decidedInThisTransaction();
        if (decided != null) {
            decided.put(customerId, key);
        } else {
            cache.put(customerId, key);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Optional<SecretKey>> decidedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<UUID, Optional<SecretKey>> decided =
                (Map<UUID, Optional<SecretKey>>) TransactionSynchronizationManager.getResource(this);
        if (decided == null) {
            Map<UUID, Optional<SecretKey>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.putAll(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DataKeys.this);
                }
            });
            decided = fresh;
        }
        return decided;
    }
}
