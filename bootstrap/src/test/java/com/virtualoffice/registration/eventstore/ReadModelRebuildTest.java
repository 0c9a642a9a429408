package com.virtualoffice.registration.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.persistence.ReadModelRebuild;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.ReadModelRows;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read models are disposable: rebuilt from the events alone, they come out row for row the same. */
class ReadModelRebuildTest extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("allReadModels")
    private ReadModelRebuild rebuild;

    /** Over the sellers of this test: see {@link ReadModelRows}. */
    @Test
    void rebuilt_read_models_equal_the_live_ones() {
        List<UUID> sellers = new ArrayList<>();
        for (String plan : List.of("starter", "business")) {
            var seller = operator.sellerOn(plan);
            sellers.add(UUID.fromString(seller.sellerId()));
            for (int i = 0; i < 12; i++) {
                http.post("/api/customers").apiKey(seller.apiKey())
                        .json("{\"first_name\":\"N" + i + "\",\"last_name\":\"L\",\"email\":\"r" + i
                                + "@example.com\",\"company_name\":\"Co\",\"address_data\":{\"city\":\"Berlin\"},"
                                + "\"postal_redirect_address\":{}}")
                        .send();
            }
        }
        List<String> before = ReadModelRows.of(jdbc, sellers);
        assertThat(before).hasSize(2 + 2 + 12 + 12 + 12 + 12);

        long replayed = rebuild.rebuild();

        assertThat(replayed).isPositive();
        assertThat(ReadModelRows.of(jdbc, sellers)).isEqualTo(before);
    }

    /** Most keys and indexes of the copies are built after the bulk of the events: all must be there, as named. */
    @Test
    void the_rebuilt_tables_have_the_live_ones_keys_and_indexes() {
        List<String> before = keysAndIndexes();

        rebuild.rebuild();

        assertThat(keysAndIndexes()).isEqualTo(before).contains(
                "customers_pkey PRIMARY KEY (id)",
                "customers_search_text_trgm_idx CREATE INDEX customers_search_text_trgm_idx ON public.customers"
                        + " USING gin (search_text gin_trgm_ops)",
                "customer_events_seller_sequence_key UNIQUE (seller_id, sequence_number)");
    }

    private List<String> keysAndIndexes() {
        return jdbc.sql("""
                        SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
                        WHERE conrelid = ANY(CAST(:tables AS regclass[]))
                        UNION ALL SELECT indexname || ' ' || indexdef FROM pg_indexes
                        WHERE to_regclass(schemaname || '.' || tablename) = ANY(CAST(:tables AS regclass[]))
                        ORDER BY 1
                        """)
                .param("tables", new String[] {"sellers", "api_keys", "customers", "customer_events"})
                .query(String.class).list();
    }
}
