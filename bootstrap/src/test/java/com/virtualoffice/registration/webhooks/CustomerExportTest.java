package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/privacy.md, "Export": {@code GET /api/customers/{id}/export} answers everything held about a customer: the
 * record, the history with actors and times, and the webhook deliveries of its events.
 */
class CustomerExportTest extends WebhookServiceTest {

    private static final List<String> HELD_FIELDS =
            List.of("id", "exported_at", "erased", "deleted_at", "customer", "history", "webhook_deliveries");

    private Http.Response export(String key, String customerId) {
        return http.get("/api/customers/" + customerId + "/export").apiKey(key).send();
    }

    private JsonNode exported(String key, String customerId) {
        Http.Response export = export(key, customerId);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        return export.json();
    }

    private JsonNode history(String key, String customerId) {
        Http.Response history = http.get("/api/customers/" + customerId + "/history").apiKey(key).send();
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        return history.json().get("data");
    }

    @Test
    void a_live_customer_is_exported_with_its_record_its_whole_history_and_the_deliveries_of_its_events()
            throws Exception {
        String key = api.sellerKey();
        JsonNode endpoint = api.registerEndpoint(key, receiver.url("/all"), ALL_EVENTS);
        String customerId = api.createCustomer(key);
        api.updateCustomer(key, customerId, "Analytical Engines Ltd");
        String other = api.createCustomer(key);
        delivered(() -> assertThat(receiver.receipts("/all")).hasSize(3));

        JsonNode export = exported(key, customerId);

        assertThat(propertyNames(export)).containsExactlyElementsOf(HELD_FIELDS);
        assertThat(export.get("id").asString()).isEqualTo(customerId);
        assertThat(export.get("exported_at").asString()).matches(TIMESTAMP);
        assertThat(export.get("erased").asBoolean()).isFalse();
        assertThat(export.get("deleted_at").isNull()).isTrue();
        Http.Response current = http.get("/api/customers/" + customerId).apiKey(key).send();
        assertThat(export.get("customer")).isEqualTo(current.json());
        // The history as the history route pages it: every event, with its actor and request.
        assertThat(export.get("history")).isEqualTo(history(key, customerId));
        assertThat(export.get("history")).extracting(entry -> entry.get("type").asString())
                .containsExactly("customer.created", "customer.updated");
        // Each of its events went to the endpoint once; the other customer's event is not the customer's data.
        JsonNode deliveries = export.get("webhook_deliveries");
        assertThat(deliveries).extracting(delivery -> delivery.get("event_id").asString())
                .containsExactly(export.get("history").get(0).get("id").asString(),
                        export.get("history").get(1).get("id").asString());
        for (JsonNode delivery : deliveries) {
            assertThat(propertyNames(delivery)).containsExactly("endpoint_id", "created_at", "id", "event_id",
                    "status", "attempts", "last_attempt_at", "last_status_code");
            assertThat(delivery.get("endpoint_id").asString()).isEqualTo(endpoint.get("id").asString());
            assertThat(delivery.get("created_at").asString()).matches(TIMESTAMP);
            assertThat(delivery.get("status").asString()).isEqualTo("succeeded");
            assertThat(delivery.get("last_status_code").asInt()).isEqualTo(200);
        }
        assertThat(exported(key, other).get("webhook_deliveries")).hasSize(1);
    }

    @Test
    void a_deleted_customer_is_still_held_and_exported_as_it_was_when_deleted() {
        String key = api.sellerKey();
        String customerId = api.createCustomer(key);
        api.updateCustomer(key, customerId, "Difference Engines GmbH");
        JsonNode before = http.get("/api/customers/" + customerId).apiKey(key).send().json();
        api.deleteCustomer(key, customerId);

        JsonNode export = exported(key, customerId);

        assertThat(export.get("customer")).isEqualTo(before);
        JsonNode history = export.get("history");
        assertThat(history).extracting(entry -> entry.get("type").asString())
                .containsExactly("customer.created", "customer.updated", "customer.deleted");
        assertThat(export.get("deleted_at").asString()).isEqualTo(history.get(2).get("created_at").asString());
        assertThat(export.get("webhook_deliveries")).isEmpty();
    }

    @Test
    void of_an_erased_customer_only_the_fact_and_time_of_its_erasure_are_exported() throws Exception {
        String key = api.sellerKey();
        api.registerEndpoint(key, receiver.url("/all"), ALL_EVENTS);
        String customerId = api.createCustomer(key);
        api.updateCustomer(key, customerId, "Analytical Engines Ltd");
        delivered(() -> assertThat(receiver.receipts("/all")).hasSize(2));
        Http.Response erased = http.post("/api/customers/" + customerId + "/erase").apiKey(key).send();
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);

        JsonNode export = exported(key, customerId);

        assertThat(propertyNames(export)).containsExactly("id", "exported_at", "erased", "erased_at");
        assertThat(export.get("id").asString()).isEqualTo(customerId);
        assertThat(export.get("erased").asBoolean()).isTrue();
        JsonNode history = history(key, customerId);
        assertThat(export.get("erased_at").asString()).isEqualTo(history.get(history.size() - 1).get("created_at")
                .asString());
        assertThat(history.get(history.size() - 1).get("type").asString()).isEqualTo("customer.erased");
    }

    @Test
    void a_customer_the_seller_never_had_is_not_found() {
        String key = api.sellerKey();
        String othersCustomer = api.createCustomer(api.sellerKey());

        assertCustomerNotFound(export(key, othersCustomer));
        assertCustomerNotFound(export(key, UUID.randomUUID().toString()));
        assertCustomerNotFound(export(key, "not-a-uuid"));
    }
}
