package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertIsEvent;
import static com.virtualoffice.registration.webhooks.WebhookApi.eventWithId;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import com.virtualoffice.registration.webhooks.Receiver.Receipt;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One customer's events reach an endpoint in the order they happened, even when attempts fail on the way. */
class WebhookOrderingTest extends WebhookServiceTest {

    @Test
    void a_customers_events_are_received_in_event_order_although_the_first_attempts_fail() throws Exception {
        String key = api.sellerKey();
        receiver.next("/ordered", Behaviour.answer(500), Behaviour.answer(502), Behaviour.answer(500));
        JsonNode endpoint = api.registerEndpoint(key, receiver.url("/ordered"), ALL_EVENTS);
        String endpointId = endpoint.get("id").asString();

        String customerId = api.createCustomer(key);
        for (int i = 1; i <= 5; i++) {
            api.updateCustomer(key, customerId, "Company " + i);
        }
        List<JsonNode> events = api.events(key);
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly("customer.created",
                "customer.updated", "customer.updated", "customer.updated", "customer.updated", "customer.updated");
        List<String> eventOrder = ids(events);

        retried(() -> assertThat(api.deliveries(key, endpointId))
                .hasSize(6)
                .allSatisfy(delivery -> assertThat(delivery.get("status").asString()).as("%s", delivery)
                        .isEqualTo("succeeded")));

        List<Receipt> receipts = receiver.receipts("/ordered");
        assertThat(receipts.stream().filter(receipt -> !receipt.succeeded()).count()).as("failed attempts")
                .isEqualTo(3);
        List<Receipt> successes = receipts.stream().filter(Receipt::succeeded).toList();
        assertThat(successes).extracting(Receipt::eventId).as("event ids of the 2xx receipts, in arrival order")
                .containsExactlyElementsOf(eventOrder);
        for (Receipt receipt : successes) {
            assertIsEvent(receipt, eventWithId(events, receipt.eventId()));
        }
        assertThat(successes.getLast().json().get("data").get("customer").get("company_name").asString())
                .isEqualTo("Company 5");
        assertThat(api.deliveries(key, endpointId)).extracting(delivery -> delivery.get("event_id").asString())
                .as("listed newest first").containsExactlyElementsOf(eventOrder.reversed());
    }
}
