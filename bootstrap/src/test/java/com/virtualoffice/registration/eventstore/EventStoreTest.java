package com.virtualoffice.registration.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What lands in PostgreSQL, checked in the tables themselves: the fixes of STACK-NOTES stay fixed. */
class EventStoreTest extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("sellerCache")
    private Cache sellerCache;

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Autowired
    @Qualifier("snapshotWriter")
    private ExecutorService snapshotWriter;

    @Autowired
    private ApplicationContext context;

    @Value("${registration.axon.snapshot-threshold}")
    private int snapshotThreshold;

    @Test
    void payloads_and_metadata_are_bytea_not_large_objects() {
        var types = jdbc.sql("""
                        SELECT table_name || '.' || column_name AS col, data_type FROM information_schema.columns
                        WHERE column_name IN ('payload', 'meta_data') AND table_schema = current_schema()
                          AND table_name IN ('domain_event_entry', 'snapshot_event_entry')
                        """)
                .query((row, n) -> Map.entry(row.getString("col"), row.getString("data_type")))
                .list();
        assertThat(types).hasSize(4).allSatisfy(column -> assertThat(column.getValue()).isEqualTo("bytea"));
    }

    /**
     * Without a streaming processor there is no position to keep: had one crept in (Axon's default mode for a
     * processing group of its own), Axon would quietly keep its position in memory and replay everything at each
     * start.
     */
    @Test
    void every_event_processor_runs_in_the_command_transaction_and_no_token_store_exists() {
        assertThat(eventProcessing.eventProcessors().values()).isNotEmpty()
                .allSatisfy(processor -> assertThat(processor).isInstanceOf(SubscribingEventProcessor.class));
        assertThat(context.getBeanNamesForType(TokenStore.class)).isEmpty();
        assertThat(jdbc.sql("SELECT to_regclass('token_entry') IS NULL").query(Boolean.class).single()).isTrue();
    }

    @Test
    void snapshot_payloads_are_stored_uncompressed() {
        String storage = jdbc.sql("""
                        SELECT attstorage FROM pg_attribute
                        WHERE attrelid = 'snapshot_event_entry'::regclass AND attname = 'payload'
                        """)
                .query(String.class).single();
        assertThat(storage).as("'e' is EXTERNAL: out of line, never compressed").isEqualTo("e");
    }

    @Test
    void the_global_index_is_handed_out_one_at_a_time() {
        var sequence = jdbc.sql("""
                        SELECT increment_by, cache_size FROM pg_sequences
                        WHERE sequencename = 'domain_event_entry_global_index_seq'
                        """)
                .query((row, n) -> Map.entry(row.getLong("increment_by"), row.getLong("cache_size")))
                .single();
        assertThat(sequence).isEqualTo(Map.entry(1L, 1L));
    }

    @Test
    void a_registration_is_stored_as_a_revisioned_json_event_with_who_and_which_request_and_its_personal_data_sealed() {
        var seller = operator.sellerOn("free");
        var created = http.post("/api/customers").apiKey(seller.apiKey())
                .header("X-Request-Id", "req-event-store-1")
                .json(Customers.withEmail("stored@example.com")).send();
        assertThat(created.status()).isEqualTo(201);

        var event = jdbc.sql("""
                        SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload,
                               convert_from(meta_data, 'UTF8') AS meta_data
                        FROM domain_event_entry WHERE aggregate_identifier = :seller
                        ORDER BY sequence_number DESC LIMIT 1
                        """)
                .param("seller", seller.sellerId())
                .query((row, n) -> Map.of("type", row.getString("payload_type"),
                        "revision", row.getString("payload_revision"),
                        "payload", row.getString("payload"),
                        "metadata", row.getString("meta_data")))
                .single();

        assertThat(event.get("type")).endsWith("SellerEvent$CustomerRegistered");
        assertThat(event.get("revision")).isEqualTo("2");
        JsonNode payload = JsonMapper.builder().build().readTree(event.get("payload"));
        assertThat(payload.get("customerId").asString()).isEqualTo(created.field("id"));
        assertThat(payload.get("language").asString()).isEqualTo("DE");
        // The personal fields are sealed under the customer's key (PersonalDataSealingTest).
        assertThat(payload.has("email")).isFalse();
        assertThat(payload.get("sealed").asString()).isNotBlank();
        assertThat(event.get("payload")).doesNotContain("stored@example.com");
        JsonNode metadata = JsonMapper.builder().build().readTree(event.get("metadata"));
        assertThat(metadata.get("request_id").asString()).isEqualTo(created.header("X-Request-Id").orElseThrow());
        assertThat(metadata.get("client_request_id").asString()).isEqualTo("req-event-store-1");
        assertThat(metadata.get("actor_type").asString()).isEqualTo("api_key");
        assertThat(metadata.get("api_key_id").asString()).isEqualTo(seller.apiKeyId());
        assertThat(metadata.get("api_key_prefix").asString()).isEqualTo(seller.apiKey().substring(0, 12));
    }

    @Test
    void a_busy_seller_is_snapshotted_and_decides_correctly_from_its_snapshot() throws Exception {
        var seller = operator.sellerOn("enterprise");
        // Spread over several keys so that no key runs into its rate limit (a burst of 100).
        List<String> keys = new ArrayList<>(List.of(seller.apiKey()));
        for (int k = 1; k < 4; k++) {
            keys.add(http.post("/admin/sellers/" + seller.sellerId() + "/api-keys").bearer(ADMIN_TOKEN).json("{}")
                    .send().field("key"));
        }
        for (int i = 0; i < snapshotThreshold + 5; i++) {
            var created = http.post("/api/customers").apiKey(keys.get(i % keys.size()))
                    .json(Customers.withEmail("c" + i + "@example.com")).send();
            assertThat(created.status()).isEqualTo(201);
        }
        // Snapshots are stored on a thread of their own, queued there as the command that made one due commits
        // (before its answer leaves): a task queued behind them on that one thread runs once they are stored.
        snapshotWriter.submit(() -> { }).get(30, TimeUnit.SECONDS);
        assertThat(jdbc.sql("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = :seller")
                .param("seller", seller.sellerId()).query(Long.class).single()).isPositive();
        // The seller copies itself into the snapshot: it must hold exactly the customers registered up to the
        // sequence number it is stored under (24 bytes each), and carry the type of the seller's events.
        var snapshot = jdbc.sql("""
                        SELECT sequence_number, type,
                               length(decode(convert_from(payload, 'UTF8')::json -> 'state' ->> 'customers', 'base64'))
                                 / 24 AS held
                        FROM snapshot_event_entry WHERE aggregate_identifier = :seller""")
                .param("seller", seller.sellerId())
                .query((row, n) -> List.of(row.getLong("sequence_number"), row.getString("type"), row.getLong("held")))
                .single();
        long registeredUpTo = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :seller
                          AND sequence_number <= :sequence AND payload_type LIKE '%CustomerRegistered'""")
                .param("seller", seller.sellerId()).param("sequence", snapshot.get(0)).query(Long.class).single();
        assertThat(snapshot.get(2)).isEqualTo(registeredUpTo);
        assertThat(snapshot.get(1)).isEqualTo(jdbc.sql("SELECT DISTINCT type FROM domain_event_entry"
                + " WHERE aggregate_identifier = :seller").param("seller", seller.sellerId()).query(String.class).single());

        // Forget the cached seller: the next command must be decided from the snapshot plus later events.
        sellerCache.removeAll();

        assertThat(http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail("C0@Example.com")).send().status()).isEqualTo(409);
        assertThat(http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail("c" + (snapshotThreshold + 4) + "@example.com")).send().status())
                .isEqualTo(409);
        assertThat(http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail("fresh@example.com")).send().status()).isEqualTo(201);
    }
}
