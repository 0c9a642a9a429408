package com.virtualoffice.registration.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A failure nobody planned for: the read model's unique index (the tripwire behind the Seller's email rule)
 * rejects a row the Seller accepted. The client gets the generic 500 with a request id, and nothing is half
 * written: no event, no row, and the Seller does not remember the customer it tried to register.
 */
class ServerErrorTest extends ServiceTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void an_unexpected_failure_is_a_generic_500_with_a_request_id_and_writes_nothing() {
        var seller = operator.sellerOn("free");
        UUID rogue = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO customers (id, seller_id, first_name, last_name, email, language, status, source,
                                               created_at, updated_at)
                        VALUES (:id, :seller, 'Rogue', 'Row', 'tripwire@example.com', 'en', 'active', 'api', now(), now())
                        """)
                .param("id", rogue).param("seller", UUID.fromString(seller.sellerId())).update();
        long eventsBefore = eventsOf(seller.sellerId());

        var response = http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail("Tripwire@example.com")).send();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body())
                .isEqualTo("{\"error\":\"Internal Server Error\",\"message\":\"An unexpected error occurred\"}");
        assertThat(response.header("X-Request-Id")).isPresent();
        assertThat(eventsOf(seller.sellerId())).isEqualTo(eventsBefore);

        jdbc.sql("DELETE FROM customers WHERE id = :id").param("id", rogue).update();
        var retried = http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail("Tripwire@example.com")).send();
        assertThat(retried.status()).isEqualTo(201);
        assertThat(http.get("/admin/sellers/" + seller.sellerId()).bearer(ADMIN_TOKEN).send().json()
                .get("customer_count").asInt()).isEqualTo(1);
    }

    private long eventsOf(String sellerId) {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :seller")
                .param("seller", sellerId).query(Long.class).single();
    }
}
