package com.virtualoffice.registration.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.persistence.ReadModelRebuild;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The read models are disposable: rebuilt from the events alone, they come out row for row the same. */
class ReadModelRebuildTest extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ReadModelRebuild rebuild;

    @Test
    void rebuilt_read_models_equal_the_live_ones() {
        for (String plan : List.of("free", "starter")) {
            var seller = operator.sellerOn(plan);
            for (int i = 0; i < 12; i++) {
                http.post("/api/customers").apiKey(seller.apiKey())
                        .json("{\"first_name\":\"N" + i + "\",\"last_name\":\"L\",\"email\":\"r" + i
                                + "@example.com\",\"company_name\":\"Co\",\"address_data\":{\"city\":\"Berlin\"},"
                                + "\"postal_redirect_address\":{}}")
                        .send();
            }
        }
        List<String> before = everyRow();

        long replayed = rebuild.rebuild();

        assertThat(replayed).isPositive();
        assertThat(everyRow()).isEqualTo(before);
    }

    private List<String> everyRow() {
        return jdbc.sql("""
                        SELECT 'seller ' || s::text AS row FROM sellers s
                        UNION ALL SELECT 'key ' || k::text FROM api_keys k
                        UNION ALL SELECT 'customer ' || c::text FROM customers c
                        ORDER BY 1
                        """)
                .query(String.class).list();
    }
}
