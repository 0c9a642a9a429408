package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertSigned;
import static com.virtualoffice.registration.webhooks.WebhookApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import com.virtualoffice.registration.webhooks.Receiver.Receipt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A slow receiver holds up only its own deliveries: neither another seller's endpoint nor the API waits for it. */
class WebhookIsolationTest extends WebhookServiceTest {

    @Test
    void a_hanging_endpoint_of_one_seller_delays_neither_another_sellers_deliveries_nor_the_api() {
        String sellerA = api.sellerKey();
        String sellerB = api.sellerKey();
        receiver.always("/a-first", Behaviour.sleep(Duration.ofSeconds(3)));
        receiver.always("/a-second", Behaviour.sleep(Duration.ofSeconds(3)));
        JsonNode first = api.registerEndpoint(sellerA, receiver.url("/a-first"), ALL_EVENTS);
        JsonNode second = api.registerEndpoint(sellerA, receiver.url("/a-second"), ALL_EVENTS);
        JsonNode healthy = api.registerEndpoint(sellerB, receiver.url("/b"), ALL_EVENTS);

        // Several of A's deliveries queue up behind receivers that answer only after the request timeout.
        for (int i = 0; i < 3; i++) {
            api.createCustomer(sellerA);
        }
        eventually(Duration.ofSeconds(5), () -> {
            assertThat(receiver.receipts("/a-first")).isNotEmpty();
            assertThat(receiver.receipts("/a-second")).isNotEmpty();
        });

        // The API answers at once meanwhile, for the seller whose receivers hang too.
        Instant before = Instant.now();
        Http.Response created = api.postCustomer(sellerA);
        Duration took = Duration.between(before, Instant.now());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(took).as("POST /api/customers while A's receivers hang").isLessThan(Duration.ofMillis(750));
        before = Instant.now();
        assertThat(api.listEndpoints(sellerA).status()).isEqualTo(200);
        assertThat(Duration.between(before, Instant.now())).as("GET /api/webhook-endpoints")
                .isLessThan(Duration.ofMillis(750));

        Instant createdAt = Instant.now();
        api.createCustomer(sellerB);
        eventually(Duration.ofSeconds(5), () -> assertThat(receiver.receipts("/b")).hasSize(1));
        Receipt receipt = receiver.receipts("/b").getFirst();
        assertThat(Duration.between(createdAt, receipt.arrivedAt())).as("B's delivery while A's receivers hang")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(receipt.eventId()).isEqualTo(ids(api.events(sellerB)).getFirst());
        assertSigned(receipt, healthy.get("secret").asString());

        // Stop A's deliveries from lingering past this test.
        assertThat(api.removeEndpoint(sellerA, first.get("id").asString()).status()).isEqualTo(204);
        assertThat(api.removeEndpoint(sellerA, second.get("id").asString()).status()).isEqualTo(204);
    }
}
