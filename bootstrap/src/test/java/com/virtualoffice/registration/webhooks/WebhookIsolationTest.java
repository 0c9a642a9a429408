package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertSigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.TestClock;
import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import com.virtualoffice.registration.webhooks.Receiver.Receipt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A slow receiver holds up only its own deliveries: neither another seller's endpoint nor the API waits for it. */
class WebhookIsolationTest extends WebhookServiceTest {

    @Test
    void a_hanging_endpoint_of_one_seller_delays_neither_another_sellers_deliveries_nor_the_api() throws Exception {
        String sellerA = api.sellerKey();
        String sellerB = api.sellerKey();
        receiver.always("/a-first", Behaviour.hang());
        receiver.always("/a-second", Behaviour.hang());
        JsonNode first = api.registerEndpoint(sellerA, receiver.url("/a-first"), ALL_EVENTS);
        JsonNode second = api.registerEndpoint(sellerA, receiver.url("/a-second"), ALL_EVENTS);
        JsonNode healthy = api.registerEndpoint(sellerB, receiver.url("/b"), ALL_EVENTS);

        // Several of A's deliveries queue up behind receivers that never answer within the request timeout.
        for (int i = 0; i < 3; i++) {
            api.createCustomer(sellerA);
        }
        // Sent on the service's own schedule (that is what must not be held up), awaited as they arrive.
        receiver.awaitReceipts("/a-first", 1);
        receiver.awaitReceipts("/a-second", 1);

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

        Instant createdAt = TestClock.now();
        api.createCustomer(sellerB);
        Receipt receipt = receiver.awaitReceipts("/b", 1).getFirst();
        assertThat(Duration.between(createdAt, receipt.arrivedAt())).as("B's delivery while A's receivers hang")
                .isLessThan(Duration.ofSeconds(1));
        assertThat(receipt.eventId()).isEqualTo(ids(api.events(sellerB)).getFirst());
        assertSigned(receipt, healthy.get("secret").asString());

        // Stop A's deliveries from lingering past this test.
        assertThat(api.removeEndpoint(sellerA, first.get("id").asString()).status()).isEqualTo(204);
        assertThat(api.removeEndpoint(sellerA, second.get("id").asString()).status()).isEqualTo(204);
    }
}
