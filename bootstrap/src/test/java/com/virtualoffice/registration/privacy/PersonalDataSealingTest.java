package com.virtualoffice.registration.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The personal fields of a customer's events are stored sealed under its data key, and read back as they were.
 * Once the key is gone: {@link ErasedKeyTest}.
 */
class PersonalDataSealingTest extends ServiceTest {

    private static final List<String> PERSONAL_VALUES = List.of("Jürgen", "Łukasiewicz", "Müller & Söhne",
            "Hauptstraße 1", "1 Main St", "Springfield");

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private EventStorageEngine eventStore;

    @Test
    void given_a_registration_and_an_update_then_no_personal_value_is_in_the_event_store_and_both_read_back() {
        SellerWithKey seller = operator.sellerOn("starter");
        String email = "sealed-" + UUID.randomUUID() + "@example.com";
        String newEmail = "resealed-" + UUID.randomUUID() + "@example.com";

        String id = http.post("/api/customers").apiKey(seller.apiKey()).json(Customers.withEveryField(email)).send()
                .field("id");
        var updated = http.request("PATCH", "/api/customers/" + id).apiKey(seller.apiKey())
                .json("{\"email\":\"" + newEmail + "\"}").send();

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        Stream.concat(PERSONAL_VALUES.stream(), Stream.of(email, newEmail)).forEach(value ->
                assertThat(eventsHolding(seller.sellerId(), value)).as(value).isZero());
        List<Object> events = ErasedKeyTest.customerEvents(eventStore, seller.sellerId(), id);
        assertThat(events).hasSize(2);
        var registered = (CustomerRegistered) events.get(0);
        assertThat(registered.email()).isEqualTo(email);
        assertThat(registered.lastName()).isEqualTo("Łukasiewicz");
        assertThat(registered.address().street()).isEqualTo("Hauptstraße 1");
        assertThat(((CustomerUpdated) events.get(1)).email()).isEqualTo(newEmail);
    }

    /** The seller's event rows whose payload or metadata holds the value, as UTF-8 bytes. */
    private long eventsHolding(String sellerId, String value) {
        String hex = HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :seller AND (position(decode(:hex, 'hex') IN payload) > 0
                                                                  OR position(decode(:hex, 'hex') IN meta_data) > 0)
                        """)
                .param("seller", sellerId).param("hex", hex).query(Long.class).single();
    }
}
