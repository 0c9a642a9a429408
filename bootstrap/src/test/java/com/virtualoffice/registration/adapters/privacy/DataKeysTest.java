package com.virtualoffice.registration.adapters.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.persistence.EventDecoder;
import com.virtualoffice.registration.adapters.persistence.RowWriter;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javax.crypto.SecretKey;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data keys' life: written with the transaction that creates them, cached only once it commits, loaded a batch
 * of events at a time.
 */
class DataKeysTest extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private RowWriter rows;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private MasterKey masterKey;

    @Autowired
    private DataKeys serviceKeys;
    @Autowired
    private EventStorageEngine eventStore;
    @Autowired
    private MeterRegistry registry;
    @Autowired
    private EventDecoder decoder;

    private TransactionTemplate transactions;
    private Counter loads;
    /** Its own, with an empty cache. */
    private DataKeys keys;

    @BeforeEach
    void freshKeys() {
        transactions = new TransactionTemplate(transactionManager);
        keys = newKeys();
        loads = registry.get("registration.data_keys.loads").counter();
    }

    @Test
    void given_a_key_made_in_a_transaction_that_rolls_back_then_it_is_neither_stored_nor_used() {
        UUID customer = UUID.randomUUID();

        SecretKey rolledBack = transactions.execute(status -> {
            SecretKey key = keys.forSealing(customer, true);
            assertThat(keys.forOpening(customer)).contains(key);
            status.setRollbackOnly();
            return key;
        });

        assertThat(keys.forOpening(customer)).isEmpty();
        assertThat(stored(customer)).isZero();
        SecretKey committed = transactions.execute(status -> keys.forSealing(customer, true));
        assertThat(committed).isNotEqualTo(rolledBack);
        assertThat(stored(customer)).isOne();
        assertThat(newKeys()
                .forOpening(customer)).contains(committed);
    }

    @Test
    void given_a_batch_of_customers_then_its_first_key_not_cached_loads_all_their_keys_erased_ones_as_missing() {
        List<UUID> customers = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();
        List<SecretKey> made = transactions.execute(status ->
                customers.stream().map(customer -> keys.forSealing(customer, true)).toList());
        UUID erased = customers.getFirst();
        transactions.executeWithoutResult(status -> keys.destroy(erased));
        DataKeys cold = newKeys();

        cold.expect(() -> customers);
        assertThat(cold.forOpening(erased)).isEmpty();
        // Gone from the table, still known: they came from the one query of the first miss.
        jdbc.sql("DELETE FROM customer_data_keys WHERE customer_id = ANY(?)")
                .param(customers.toArray(UUID[]::new)).update();

        for (int i = 1; i < customers.size(); i++) {
            assertThat(cold.forOpening(customers.get(i))).contains(made.get(i));
        }
    }

    @Test
    void given_a_batch_whose_keys_are_all_cached_then_its_customers_are_not_read_and_nothing_is_loaded() {
        List<UUID> customers = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
        List<SecretKey> made = transactions.execute(status ->
                customers.stream().map(customer -> keys.forSealing(customer, true)).toList());
        Counter ownLoads = new SimpleMeterRegistry().counter("loads");
        DataKeys warm = new DataKeys(jdbc, rows, transactions, masterKey, 100, Duration.ofMinutes(10), ownLoads);
        customers.forEach(warm::forOpening);
        double loadsBefore = ownLoads.count();

        warm.expect(() -> {
            throw new AssertionError("the customers of a batch whose keys are cached were read");
        });

        for (int i = 0; i < customers.size(); i++) {
            assertThat(warm.forOpening(customers.get(i))).contains(made.get(i));
        }
        assertThat(ownLoads.count()).isEqualTo(loadsBefore);
    }

    @Test
    void given_a_key_destroyed_while_a_batch_is_pending_then_the_batch_never_hands_it_out_again() {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        transactions.executeWithoutResult(status -> keys.forSealing(erased, true));
        transactions.executeWithoutResult(status -> keys.forSealing(kept, true));
        keys.expect(() -> List.of(erased, kept, UUID.randomUUID()));

        transactions.executeWithoutResult(status -> {
            keys.destroy(erased);
            // A miss in the same transaction, before the commit tells the cache of the deletion.
            assertThat(keys.forOpening(UUID.randomUUID())).isEmpty();
        });

        assertThat(keys.forOpening(erased)).isEmpty();
        assertThat(keys.forOpening(kept)).isPresent();
    }

    @Test
    void given_a_batch_of_more_customers_than_the_cache_holds_then_its_one_query_still_opens_them_all() {
        List<UUID> customers = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();
        List<SecretKey> made = transactions.execute(status ->
                customers.stream().map(customer -> keys.forSealing(customer, true)).toList());
        Counter tinyLoads = new SimpleMeterRegistry().counter("loads");
        DataKeys tiny = new DataKeys(jdbc, rows, transactions, masterKey, 1, Duration.ofMinutes(10), tinyLoads);

        tiny.expect(() -> customers);

        for (int i = 0; i < customers.size(); i++) {
            assertThat(tiny.forOpening(customers.get(i))).contains(made.get(i));
        }
        // The batch's one query: a cache of one key admits almost none of them, the batch keeps them all.
        assertThat(tinyLoads.count()).isEqualTo(1);
    }

    @Test
    void given_a_batch_of_a_stream_over_the_store_then_one_query_opens_it_and_the_cache_learns_none_of_its_keys()
            throws Exception {
        List<UUID> customers = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID()).toList();
        List<SecretKey> made = transactions.execute(status ->
                customers.stream().map(customer -> keys.forSealing(customer, true)).toList());
        UUID erased = customers.getFirst();
        transactions.executeWithoutResult(status -> keys.destroy(erased));
        Counter ownLoads = new SimpleMeterRegistry().counter("loads");
        DataKeys streaming = new DataKeys(jdbc, rows, transactions, masterKey, 100, Duration.ofMinutes(10), ownLoads);

        streaming.expectStreaming(() -> customers);

        assertThat(streaming.forOpening(erased)).isEmpty();
        for (int i = 1; i < customers.size(); i++) {
            assertThat(streaming.forOpening(customers.get(i))).contains(made.get(i));
        }
        assertThat(ownLoads.count()).isEqualTo(1);
        // A thread without that batch has only the cache to spare it a query, and the cache learnt nothing.
        AtomicReference<Optional<SecretKey>> elsewhere = new AtomicReference<>();
        Thread.ofPlatform().start(() -> elsewhere.set(streaming.forOpening(customers.get(1)))).join();
        assertThat(elsewhere.get()).contains(made.get(1));
        assertThat(ownLoads.count()).isEqualTo(2);
    }

    @Test
    void given_a_seller_loaded_with_a_cold_cache_then_one_query_loads_every_customers_key() {
        SellerWithKey seller = operator.sellerOn("starter");
        for (int i = 0; i < 40; i++) {
            var created = http.post("/api/customers").apiKey(seller.apiKey())
                    .json(Customers.withEmail("warm-" + i + "-" + UUID.randomUUID() + "@example.com")).send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        serviceKeys.forgetCached();
        double before = loads.count();

        long customers = eventStore.readEvents(seller.sellerId()).asStream()
                .map(event -> event.getPayload())
                .filter(event -> event instanceof CustomerRegistered registered && registered.email() != null)
                .count();

        assertThat(customers).isEqualTo(40);
        assertThat(loads.count() - before).isEqualTo(1);
    }

    @Test
    void given_events_read_on_one_thread_and_decoded_on_another_with_a_cold_cache_then_one_query_loads_their_keys()
            throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");
        for (int i = 0; i < 40; i++) {
            var created = http.post("/api/customers").apiKey(seller.apiKey())
                    .json(Customers.withEmail("apart-" + i + "-" + UUID.randomUUID() + "@example.com")).send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        serviceKeys.forgetCached();
        List<? extends EventMessage<?>> read = eventStore.readEvents(seller.sellerId()).asStream().toList();
        double before = loads.count();

        Thread decoding = Thread.ofPlatform().start(() -> decoder.decode(read));
        decoding.join();

        assertThat(read.stream().map(EventMessage::getPayload)
                .filter(event -> event instanceof CustomerRegistered registered && registered.email() != null))
                .hasSize(40);
        assertThat(loads.count() - before).isEqualTo(1);
    }

    private DataKeys newKeys() {
        return new DataKeys(jdbc, rows, transactions, masterKey, 1000, Duration.ofMinutes(10),
                new SimpleMeterRegistry().counter("loads"));
    }

    private long stored(UUID customer) {
        return jdbc.sql("SELECT count(*) FROM customer_data_keys WHERE customer_id = ?").param(customer)
                .query(Long.class).single();
    }
}
