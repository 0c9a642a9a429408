package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertIsEvent;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertSigned;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import com.virtualoffice.registration.webhooks.Receiver.Receipt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md, "Events, history and webhooks": anything but a 2xx, or no answer within the request timeout, is retried
 * with exponential backoff; a delivery still failing {@code give-up-after} after its event is dead until the
 * seller retries it. Timings are those of {@link WebhookServiceTest}: backoff 200 ms doubling to 400 ms, a 1 s
 * request timeout, giving up after 3 s.
 */
class WebhookRetryTest extends WebhookServiceTest {

    private static final String NOT_RETRYABLE = "Only a dead or failed delivery can be retried";

    private record Subscription(String key, String endpointId, String secret, String eventId, JsonNode event) {
    }

    /** A seller with an endpoint at the path, and one customer created: the event the test follows. */
    private Subscription oneEventTo(String path) {
        String key = api.sellerKey();
        JsonNode endpoint = api.registerEndpoint(key, receiver.url(path), ALL_EVENTS);
        api.createCustomer(key);
        JsonNode event = api.events(key).getFirst();
        return new Subscription(key, endpoint.get("id").asString(), endpoint.get("secret").asString(),
                event.get("id").asString(), event);
    }

    private JsonNode delivery(Subscription subscription) {
        return api.delivery(subscription.key(), subscription.endpointId(), subscription.eventId());
    }

    @Test
    void two_failures_then_success_end_succeeded_after_three_identical_attempts_backing_off() throws Exception {
        receiver.next("/flaky", Behaviour.answer(500), Behaviour.answer(503));
        Subscription subscription = oneEventTo("/flaky");

        retried(() -> assertThat(delivery(subscription).get("status").asString()).isEqualTo("succeeded"));

        JsonNode delivery = delivery(subscription);
        assertThat(delivery.get("attempts").asInt()).as("%s", delivery).isEqualTo(3);
        assertThat(delivery.get("last_status_code").asInt()).as("%s", delivery).isEqualTo(200);
        List<Receipt> receipts = receiver.receipts("/flaky");
        assertThat(receipts).hasSize(3);
        for (Receipt receipt : receipts) {
            assertThat(receipt.eventId()).isEqualTo(subscription.eventId());
            assertThat(receipt.body()).as("the same body every time").isEqualTo(receipts.getFirst().body());
            assertIsEvent(receipt, subscription.event());
            assertSigned(receipt, subscription.secret());
        }
        Duration firstPause = Duration.between(receipts.get(0).arrivedAt(), receipts.get(1).arrivedAt());
        Duration secondPause = Duration.between(receipts.get(1).arrivedAt(), receipts.get(2).arrivedAt());
        assertThat(firstPause).as("pause after the first failure").isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(secondPause).as("pause after the second failure, doubled")
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));

        dispatchWhatIsDue();
        assertThat(receiver.receipts("/flaky")).as("nothing after the success").hasSize(3);
    }

    @Test
    void a_receiver_answering_after_the_request_timeout_has_failed_and_gets_the_delivery_again() throws Exception {
        receiver.next("/slow", Behaviour.hang());
        Subscription subscription = oneEventTo("/slow");

        retried(() -> assertThat(delivery(subscription).get("status").asString()).isEqualTo("succeeded"));

        JsonNode delivery = delivery(subscription);
        assertThat(delivery.get("attempts").asInt()).as("the timed-out attempt counts: %s", delivery).isEqualTo(2);
        assertThat(delivery.get("last_status_code").asInt()).isEqualTo(200);
        List<Receipt> receipts = receiver.receipts("/slow");
        assertThat(receipts).hasSize(2);
        assertThat(receipts.get(1).eventId()).isEqualTo(subscription.eventId());
        assertThat(receipts.get(1).body()).isEqualTo(receipts.get(0).body());
        Duration between = Duration.between(receipts.get(0).arrivedAt(), receipts.get(1).arrivedAt());
        assertThat(between).as("the 1 s timeout, then the 200 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1150))
                .as("not waiting for the slow receiver, which never answers").isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void a_delivery_in_flight_cannot_be_retried_and_one_that_failed_without_an_answer_can() throws Exception {
        receiver.always("/hanging", Behaviour.hang());
        Subscription subscription = oneEventTo("/hanging");
        // Sent on the service's own schedule, and awaited as it arrives: a turn would wait out the send.
        assertThat(receiver.awaitReceipts("/hanging", 1)).hasSize(1);

        JsonNode inFlight = delivery(subscription);
        assertThat(inFlight.get("status").asString()).as("%s", inFlight).isEqualTo("pending");
        assertThat(inFlight.get("attempts").asInt()).isZero();
        assertThat(inFlight.get("last_attempt_at").isNull()).as("%s", inFlight).isTrue();
        assertThat(inFlight.get("last_status_code").isNull()).as("%s", inFlight).isTrue();
        assertError(api.retry(subscription.key(), subscription.endpointId(), inFlight.get("id").asString()), 409,
                "Conflict", NOT_RETRYABLE);

        delivered(() -> {
            JsonNode failed = delivery(subscription);
            assertThat(failed.get("status").asString()).as("%s", failed).isEqualTo("failed");
            assertThat(failed.get("attempts").asInt()).as("%s", failed).isGreaterThanOrEqualTo(1);
            assertThat(failed.get("last_status_code").isNull()).as("no answer, no status: %s", failed).isTrue();
            assertThat(failed.get("last_attempt_at").isString()).as("%s", failed).isTrue();
        });
        receiver.always("/hanging", Behaviour.answer(200));
        Http.Response retried = api.retry(subscription.key(), subscription.endpointId(),
                inFlight.get("id").asString());
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);

        delivered(() -> assertThat(delivery(subscription).get("status").asString()).isEqualTo("succeeded"));
        assertThat(delivery(subscription).get("last_status_code").asInt()).isEqualTo(200);
        assertThat(receiver.receipts("/hanging")).allSatisfy(receipt ->
                assertThat(receipt.eventId()).isEqualTo(subscription.eventId()));
    }

    @Test
    void a_delivery_failing_past_give_up_after_is_dead_until_retried_and_a_succeeded_one_cannot_be_retried()
            throws Exception {
        receiver.always("/broken", Behaviour.answer(500));
        Subscription subscription = oneEventTo("/broken");
        Instant eventAt = Instant.parse(subscription.event().get("created_at").asString());

        delivered(() -> {
            JsonNode failing = delivery(subscription);
            assertThat(failing.get("status").asString()).as("%s", failing).isEqualTo("failed");
            assertThat(failing.get("last_status_code").asInt()).as("%s", failing).isEqualTo(500);
        });
        retried(() -> assertThat(delivery(subscription).get("status").asString()).isEqualTo("dead"));

        JsonNode dead = delivery(subscription);
        assertThat(dead.get("last_status_code").asInt()).as("%s", dead).isEqualTo(500);
        int attempts = dead.get("attempts").asInt();
        assertThat(attempts).as("retried before giving up: %s", dead).isGreaterThanOrEqualTo(3);
        assertThat(Instant.parse(dead.get("last_attempt_at").asString())).as("not before give-up-after: %s", dead)
                .isAfterOrEqualTo(eventAt.plus(Duration.ofSeconds(3)));
        assertThat(receiver.receipts("/broken")).hasSize(attempts);

        dispatchWhatIsDue();
        assertThat(receiver.receipts("/broken")).as("a dead delivery is not tried again by itself").hasSize(attempts);
        assertThat(delivery(subscription).get("attempts").asInt()).isEqualTo(attempts);

        receiver.always("/broken", Behaviour.answer(200));
        String deliveryId = dead.get("id").asString();
        Http.Response retried = api.retry(subscription.key(), subscription.endpointId(), deliveryId);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);

        delivered(() -> assertThat(delivery(subscription).get("status").asString()).isEqualTo("succeeded"));
        JsonNode succeeded = delivery(subscription);
        assertThat(succeeded.get("id").asString()).isEqualTo(deliveryId);
        assertThat(succeeded.get("attempts").asInt()).isEqualTo(attempts + 1);
        assertThat(succeeded.get("last_status_code").asInt()).isEqualTo(200);
        List<Receipt> receipts = receiver.receipts("/broken");
        assertThat(receipts).hasSize(attempts + 1);
        assertIsEvent(receipts.getLast(), subscription.event());
        assertSigned(receipts.getLast(), subscription.secret());

        assertError(api.retry(subscription.key(), subscription.endpointId(), deliveryId), 409, "Conflict",
                NOT_RETRYABLE);
        assertError(api.retry(subscription.key(), subscription.endpointId(), UUID.randomUUID().toString()), 404,
                "Not Found", "Webhook delivery not found");
        assertError(api.retry(subscription.key(), subscription.endpointId(), "not-a-uuid"), 404, "Not Found",
                "Webhook delivery not found");
        dispatchWhatIsDue();
        assertThat(receiver.receipts("/broken")).as("refused retries send nothing").hasSize(attempts + 1);
    }
}
