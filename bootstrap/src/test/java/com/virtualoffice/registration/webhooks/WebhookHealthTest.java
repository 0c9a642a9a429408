package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The operator's view of a seller's webhooks: its failing and dead deliveries, on the seller object. */
class WebhookHealthTest extends WebhookServiceTest {


    private JsonNode seller(String sellerId) {
        Http.Response seller = http.get("/admin/sellers/" + sellerId).bearer(ServiceTest.ADMIN_TOKEN).send();
        assertThat(seller.status()).as(seller.body()).isEqualTo(200);
        return seller.json();
    }

    private JsonNode listed(String sellerId) {
        Http.Response page = http.get("/admin/sellers?limit=100").bearer(ServiceTest.ADMIN_TOKEN).send();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        for (JsonNode seller : page.json().get("data")) {
            if (seller.get("id").asString().equals(sellerId)) {
                return seller;
            }
        }
        throw new AssertionError("seller " + sellerId + " is not on the first page: " + page.body());
    }

    private static void assertTroubles(JsonNode seller, int failing, int dead) {
        assertThat(seller.get("failing_webhook_deliveries").asInt()).as("failing: %s", seller).isEqualTo(failing);
        assertThat(seller.get("dead_webhook_deliveries").asInt()).as("dead: %s", seller).isEqualTo(dead);
    }

    @Test
    void given_a_receiver_answering_500_when_its_deliveries_fail_then_die_then_the_seller_counts_them()
            throws Exception {
        receiver.always("/down", Behaviour.answer(500));
        WebhookApi.Seller seller = api.seller();
        JsonNode endpoint = api.registerEndpoint(seller.key(), receiver.url("/down"), ALL_EVENTS);
        assertTroubles(seller(seller.id()), 0, 0);

        api.createCustomer(seller.key());
        api.createCustomer(seller.key());

        delivered(() -> assertTroubles(seller(seller.id()), 2, 0));
        assertTroubles(listed(seller.id()), 2, 0);
        retried(() -> assertTroubles(seller(seller.id()), 0, 2));
        assertTroubles(listed(seller.id()), 0, 2);

        Http.Response removed = api.removeEndpoint(seller.key(), endpoint.get("id").asString());
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertTroubles(seller(seller.id()), 0, 0);
    }

    @Test
    void given_a_healthy_receiver_when_deliveries_succeed_then_nothing_is_counted() throws Exception {
        WebhookApi.Seller seller = api.seller();
        JsonNode endpoint = api.registerEndpoint(seller.key(), receiver.url("/up"), ALL_EVENTS);
        api.createCustomer(seller.key());

        delivered(() -> assertThat(api.deliveries(seller.key(), endpoint.get("id").asString()))
                .singleElement().satisfies(delivery ->
                        assertThat(delivery.get("status").asString()).isEqualTo("succeeded")));

        assertTroubles(seller(seller.id()), 0, 0);
    }
}
