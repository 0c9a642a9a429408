package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.TestHosts;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * How a delivery goes out: to the address the destination check passed, addressed by the host's name, and within
 * one deadline (1 s here) however slowly the receiver answers. That deadline is the service's real-time bound on a
 * connection, so these tests do let it pass: the receivers and lookups that outlast it are held on latches.
 */
class WebhookSendingTest extends WebhookServiceTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    private JsonNode onlyDelivery(String key, String endpointId) {
        var deliveries = api.deliveries(key, endpointId);
        assertThat(deliveries).hasSize(1);
        return deliveries.getFirst();
    }

    @Test
    void given_a_host_name_only_the_policys_resolver_knows_then_the_delivery_arrives_addressed_by_that_name()
            throws Exception {
        // No DNS knows this name: only a client that connects to the checked address reaches the receiver.
        String host = "pinned-" + UUID.randomUUID() + ".test";
        TestHosts.point(host, "127.0.0.1");
        String key = api.sellerKey();
        api.registerEndpoint(key, receiver.url(host, "/pinned"), ALL_EVENTS);

        api.createCustomer(key);

        delivered(() -> assertThat(receiver.receipts("/pinned")).hasSize(1));
        assertThat(receiver.receipts("/pinned").getFirst().header("Host")).startsWith(host + ":");
    }

    @Test
    void given_a_host_whose_lookup_hangs_then_the_attempt_fails_at_the_deadline_and_nothing_is_sent()
            throws Exception {
        String host = "slow-lookup-" + UUID.randomUUID() + ".test";
        TestHosts.point(host, "127.0.0.1");
        String key = api.sellerKey();
        String endpointId = api.registerEndpoint(key, receiver.url(host, "/slow-lookup"), ALL_EVENTS).get("id")
                .asString();

        try (AutoCloseable held = TestHosts.hold(host)) {
            api.createCustomer(key);

            delivered(() -> {
                JsonNode delivery = onlyDelivery(key, endpointId);
                assertThat(delivery.get("attempts").asInt()).as("%s", delivery).isGreaterThanOrEqualTo(1);
                assertThat(delivery.get("last_status_code").isNull()).as("%s", delivery).isTrue();
            });
            assertThat(receiver.receipts("/slow-lookup")).isEmpty();
        }
    }

    /** One event sent to a receiver that trickles its answer; how long the sender stayed, and the delivery. */
    private record Trickled(Duration held, String key, String endpointId) {
    }

    private Trickled trickledTo(boolean headersEnd) throws Exception {
        try (TrickleServer trickler = new TrickleServer(headersEnd)) {
            String key = api.sellerKey();
            String endpointId = api.registerEndpoint(key, trickler.url("/trickle"), ALL_EVENTS).get("id")
                    .asString();
            api.createCustomer(key);
            return new Trickled(trickler.heldFor(WITHIN), key, endpointId);
        }
    }

    @Test
    void given_a_receiver_that_never_finishes_its_headers_then_it_is_cut_at_the_deadline_and_the_attempt_fails()
            throws Exception {
        Trickled trickled = trickledTo(false);

        // The answer would take a minute; the deadline is 1 s.
        assertThat(trickled.held()).isLessThan(Duration.ofSeconds(5));
        delivered(() -> {
            JsonNode delivery = onlyDelivery(trickled.key(), trickled.endpointId());
            assertThat(delivery.get("attempts").asInt()).as("%s", delivery).isGreaterThanOrEqualTo(1);
            assertThat(delivery.get("status").asString()).isIn("failed", "pending");
            assertThat(delivery.get("last_status_code").isNull()).as("%s", delivery).isTrue();
        });
    }

    @Test
    void given_a_receiver_that_trickles_its_body_then_its_status_counts_and_the_body_is_never_waited_for()
            throws Exception {
        Trickled trickled = trickledTo(true);

        assertThat(trickled.held()).isLessThan(Duration.ofSeconds(5));
        delivered(() -> {
            JsonNode delivery = onlyDelivery(trickled.key(), trickled.endpointId());
            assertThat(delivery.get("status").asString()).as("%s", delivery).isEqualTo("succeeded");
            assertThat(delivery.get("last_status_code").asInt()).isEqualTo(200);
        });
    }
}
