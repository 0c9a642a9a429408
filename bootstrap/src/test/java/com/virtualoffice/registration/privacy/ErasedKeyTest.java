package com.virtualoffice.registration.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.SellerCommand.EraseCustomer;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.DataDirs;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Once a customer's data key is gone (the customer erased), its events read back with every personal field null,
 * while the rest of them, and the other customers, stay. On a database of its own: the suite's shared one is
 * replayed and verified by other tests, whose read models take erased events only with the erasure's own
 * read-model changes (issue 18, erase).
 */
class ErasedKeyTest {

    private static final String ADMIN = "erased-key-test-admin-token-0123456789abcdef";
    private static ConfigurableApplicationContext service;
    private static Http http;

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(RegistrationApplication.class).run("--server.port=0",
                "--registration.data-dir=" + DataDirs.temporary("registration-erased-key-"),
                "--registration.admin-token=" + ADMIN, "--registration.demo.enabled=false",
                "--axoniq.update-checker.disabled=true");
        http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void given_an_erased_customer_then_its_events_read_back_without_personal_fields_and_others_are_untouched() {
        SellerWithKey seller = new Operator(http, ADMIN).sellerOn("starter");
        String erased = create(seller, Customers.withEveryField("erased-" + UUID.randomUUID() + "@example.com"));
        String kept = create(seller, Customers.withEmail("kept-" + UUID.randomUUID() + "@example.com"));
        http.request("PATCH", "/api/customers/" + erased).apiKey(seller.apiKey())
                .json("{\"first_name\":\"Jörg\"}").send();
        assertThat(customerEvents(seller.sellerId(), erased)).hasSize(2); // its key is cached now

        Decision decision = service.getBean(SellerDecisions.class).decide(new EraseCustomer(
                UUID.fromString(seller.sellerId()), UUID.fromString(erased), Instant.now()), Provenance.system());

        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        assertThat(service.getBean(JdbcClient.class)
                .sql("SELECT count(*) FROM customer_data_keys WHERE customer_id = ?")
                .param(UUID.fromString(erased)).query(Long.class).single()).isZero();
        List<Object> events = customerEvents(seller.sellerId(), erased);
        var registered = (CustomerRegistered) events.get(0);
        assertThat(registered.personalDataErased()).isTrue();
        assertThat(Arrays.asList(registered.firstName(), registered.lastName(), registered.companyName(),
                registered.address(), registered.postalRedirectAddress())).containsOnlyNulls();
        assertThat(registered.legalEntity()).isEqualTo("GmbH");
        var updated = (CustomerUpdated) events.get(1);
        assertThat(updated.firstName()).isNull();
        assertThat(updated.changed()).isNotEmpty();
        assertThat(((CustomerRegistered) customerEvents(seller.sellerId(), kept).getFirst()).firstName())
                .isEqualTo("Ada");
    }

    private static String create(SellerWithKey seller, String body) {
        var created = http.post("/api/customers").apiKey(seller.apiKey()).json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.field("id");
    }

    private static List<Object> customerEvents(String sellerId, String customerId) {
        return customerEvents(service.getBean(EventStorageEngine.class), sellerId, customerId);
    }

    /** The customer's events as the store reads them back, decoded. */
    static List<Object> customerEvents(EventStorageEngine store, String sellerId, String customerId) {
        return store.readEvents(sellerId).asStream()
                .map(event -> (Object) event.getPayload())
                .filter(event -> event instanceof CustomerRegistered registered
                        && registered.customerId().toString().equals(customerId)
                        || event instanceof CustomerUpdated updated
                        && updated.customerId().toString().equals(customerId))
                .toList();
    }
}
