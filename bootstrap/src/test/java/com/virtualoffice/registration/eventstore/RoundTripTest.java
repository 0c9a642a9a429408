package com.virtualoffice.registration.eventstore;

import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.DataDirs;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.RoundTrips;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A create's transaction costs at most three round trips to PostgreSQL, COMMIT included: the event, the read
 * models' rows and the webhook outbox go together, and the cached seller is not read back from the store. Its
 * request makes none outside that transaction. The service runs on a database of its own here, its DataSource
 * wrapped by the counting proxy.
 */
class RoundTripTest {

    private static final String ADMIN = "round-trip-admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0";

    /** Tomcat's request threads and the seller lanes that decide for them. */
    private static final String[] REQUEST_THREADS = {"tomcat-handler-", "http-nio-", "seller-lane-"};

    private static ConfigurableApplicationContext service;
    private static RoundTrips roundTrips;
    private static Http http;

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(RegistrationApplication.class, RoundTrips.Counting.class).run(
                "--server.port=0",
                "--registration.data-dir=" + DataDirs.temporary("registration-round-trips-"),
                "--registration.admin-token=" + ADMIN,
                "--registration.demo.enabled=false",
                "--axoniq.update-checker.disabled=true");
        roundTrips = service.getBean(RoundTrips.class);
        http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    /**
     * The request as a whole, key check included: a key seen before is checked by the seller's decision, inside
     * the transaction, so the request makes no round trip outside it.
     */
    @Test
    void a_create_on_a_cached_seller_with_a_key_seen_before_is_at_most_three_round_trips_all_in_its_transaction() {
        SellerWithKey seller = new Operator(http, ADMIN).sellerOn("starter");
        create(seller);

        roundTrips.clear();
        create(seller);

        List<RoundTrips.Transaction> creates = roundTrips.writing("domain_event_entry");
        assertThat(creates).as(roundTrips.seen()).hasSize(1);
        assertThat(creates.getFirst().roundTrips()).as(creates.getFirst().toString()).hasSizeLessThanOrEqualTo(3);
        assertThat(roundTrips.madeBy(REQUEST_THREADS)).as(roundTrips.allSeen())
                .extracting(RoundTrips.RoundTrip::sql)
                .containsExactlyElementsOf(creates.getFirst().roundTrips());
    }

    private static void create(SellerWithKey seller) {
        Http.Response created = http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail(uniqueEmail())).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
