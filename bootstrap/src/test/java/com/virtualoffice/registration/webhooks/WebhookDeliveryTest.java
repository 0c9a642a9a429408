package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.LOWER_CASE_UUID;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertIsEvent;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertSigned;
import static com.virtualoffice.registration.webhooks.WebhookApi.eventWithId;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import com.virtualoffice.registration.webhooks.Receiver.Receipt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md, "Events, history and webhooks": a delivery is a signed POST of the event object to every endpoint
 * subscribed to its type, and to no other; a removed endpoint gets nothing more.
 */
class WebhookDeliveryTest extends WebhookServiceTest {


    @Test
    void created_updated_and_deleted_reach_the_endpoints_subscribed_to_them_signed_and_as_the_event_feed_shows()
            throws Exception {
        String key = api.sellerKey();
        JsonNode all = api.registerEndpoint(key, receiver.url("/all"), ALL_EVENTS);
        JsonNode deletes = api.registerEndpoint(key, receiver.url("/deletes"), List.of("customer.deleted"));
        JsonNode updates = api.registerEndpoint(key, receiver.url("/updates"), List.of("customer.updated"));

        String customerId = api.createCustomer(key);
        api.updateCustomer(key, customerId, "Analytical Engines Ltd");
        api.deleteCustomer(key, customerId);

        List<JsonNode> events = api.events(key);
        assertThat(events).extracting(event -> event.get("type").asString())
                .containsExactly("customer.created", "customer.updated", "customer.deleted");
        List<String> eventIds = ids(events);

        // The deliveries are queued with the events: each endpoint lists exactly those it subscribed to.
        assertThat(api.deliveries(key, all.get("id").asString()))
                .extracting(delivery -> delivery.get("event_id").asString())
                .as("newest first").containsExactly(eventIds.get(2), eventIds.get(1), eventIds.get(0));
        assertThat(api.deliveries(key, deletes.get("id").asString()))
                .extracting(delivery -> delivery.get("event_id").asString()).containsExactly(eventIds.get(2));
        assertThat(api.deliveries(key, updates.get("id").asString()))
                .extracting(delivery -> delivery.get("event_id").asString()).containsExactly(eventIds.get(1));

        delivered(() -> {
            assertThat(receiver.receipts("/all")).hasSize(3);
            assertThat(receiver.receipts("/deletes")).hasSize(1);
            assertThat(receiver.receipts("/updates")).hasSize(1);
        });
        delivered(() -> {
            for (JsonNode endpoint : List.of(all, deletes, updates)) {
                for (JsonNode delivery : api.deliveries(key, endpoint.get("id").asString())) {
                    assertThat(delivery.get("status").asString()).as("%s", delivery).isEqualTo("succeeded");
                }
            }
        });

        List<Receipt> toAll = receiver.receipts("/all");
        assertThat(toAll).extracting(Receipt::eventId).as("one customer's events in order").isEqualTo(eventIds);
        for (Receipt receipt : toAll) {
            assertIsEvent(receipt, eventWithId(events, receipt.eventId()));
            assertSigned(receipt, all.get("secret").asString());
        }
        Receipt deleted = receiver.receipts("/deletes").getFirst();
        assertThat(deleted.eventId()).isEqualTo(eventIds.get(2));
        assertThat(deleted.json().get("type").asString()).isEqualTo("customer.deleted");
        assertIsEvent(deleted, events.get(2));
        assertSigned(deleted, deletes.get("secret").asString());
        assertThat(deleted.json().get("data").get("customer").get("id").asString()).isEqualTo(customerId);
        Receipt updated = receiver.receipts("/updates").getFirst();
        assertIsEvent(updated, events.get(1));
        assertSigned(updated, updates.get("secret").asString());
        assertThat(updated.json().get("data").get("customer").get("company_name").asString())
                .isEqualTo("Analytical Engines Ltd");

        List<JsonNode> listed = api.deliveries(key, all.get("id").asString());
        for (JsonNode delivery : listed) {
            assertThat(new ArrayList<>(delivery.propertyNames())).containsExactly("id", "event_id", "status",
                    "attempts", "last_attempt_at", "last_status_code");
            assertThat(delivery.get("id").asString()).matches(LOWER_CASE_UUID);
            assertThat(delivery.get("status").asString()).isEqualTo("succeeded");
            assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
            assertThat(delivery.get("last_status_code").asInt()).isEqualTo(200);
            assertThat(delivery.get("last_attempt_at").asString()).matches(TIMESTAMP);
            Receipt receipt = toAll.stream().filter(r -> r.eventId().equals(delivery.get("event_id").asString()))
                    .findFirst().orElseThrow();
            assertThat(Duration.between(receipt.arrivedAt(), Instant.parse(delivery.get("last_attempt_at")
                    .asString())).abs()).isLessThan(Duration.ofSeconds(2));
        }

        dispatchWhatIsDue();
        assertThat(receiver.receipts("/all")).as("each event once").hasSize(3);
        assertThat(receiver.receipts("/deletes")).as("only deletes").hasSize(1);
        assertThat(receiver.receipts("/updates")).as("only updates").hasSize(1);
    }

    @Test
    void an_endpoint_gets_only_its_own_sellers_events() throws Exception {
        String key = api.sellerKey();
        String other = api.sellerKey();
        JsonNode mine = api.registerEndpoint(key, receiver.url("/mine"), ALL_EVENTS);
        JsonNode theirs = api.registerEndpoint(other, receiver.url("/theirs"), ALL_EVENTS);

        api.createCustomer(other);
        api.createCustomer(key);

        delivered(() -> {
            assertThat(receiver.receipts("/mine")).hasSize(1);
            assertThat(receiver.receipts("/theirs")).hasSize(1);
        });
        assertThat(receiver.receipts("/mine").getFirst().eventId()).isEqualTo(ids(api.events(key)).getFirst());
        assertThat(receiver.receipts("/theirs").getFirst().eventId()).isEqualTo(ids(api.events(other)).getFirst());
        assertSigned(receiver.receipts("/mine").getFirst(), mine.get("secret").asString());
        assertSigned(receiver.receipts("/theirs").getFirst(), theirs.get("secret").asString());
    }

    @Test
    void a_removed_endpoint_receives_nothing_further_not_even_the_retries_it_still_had() throws Exception {
        String key = api.sellerKey();
        receiver.always("/gone", Behaviour.answer(500));
        JsonNode gone = api.registerEndpoint(key, receiver.url("/gone"), ALL_EVENTS);
        JsonNode control = api.registerEndpoint(key, receiver.url("/control"), ALL_EVENTS);

        String customerId = api.createCustomer(key);
        delivered(() -> assertThat(receiver.receipts("/gone")).isNotEmpty());
        assertThat(api.removeEndpoint(key, gone.get("id").asString()).status()).isEqualTo(204);
        receiver.always("/gone", Behaviour.answer(200));
        // An attempt already on its way when the endpoint was removed may still land; nothing after it may.
        dispatchWhatIsDue();
        int before = receiver.receipts("/gone").size();

        api.updateCustomer(key, customerId, "After removal");
        api.createCustomer(key);
        delivered(() -> assertThat(receiver.receipts("/control")).hasSize(3));
        // Every retry the failed delivery could still have falls due, is polled and sent, twice over.
        dispatchWhatIsDue();
        dispatchWhatIsDue();

        assertThat(receiver.receipts("/gone")).as("receipts at the removed endpoint").hasSize(before);
        assertThat(receiver.receipts("/control")).hasSize(3);
        assertThat(api.deliveries(key, control.get("id").asString())).hasSize(3);
    }
}
