package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.LOWER_CASE_UUID;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static com.virtualoffice.registration.webhooks.WebhookApi.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md, "Events, history and webhooks": registering, listing and removing webhook endpoints, the validation of
 * a registration, the secret shown once, and one seller's endpoints out of another's reach.
 */
class WebhookEndpointApiTest extends WebhookServiceTest {

    private static final String NOT_FOUND = "Webhook endpoint not found";
    static final String NOT_PUBLIC = "body/url must be a public https URL";

    private static List<JsonNode> data(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(new ArrayList<>(response.json().propertyNames())).containsExactly("data");
        List<JsonNode> items = new ArrayList<>();
        response.json().get("data").forEach(items::add);
        return items;
    }

    @Test
    void a_registered_endpoint_is_answered_with_its_secret_once_and_listed_without_it() {
        String key = api.sellerKey();

        Http.Response registered = api.register(key, WebhookApi.endpointJson("https://hooks.example.com/customers",
                List.of("customer.created", "customer.deleted")));

        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode endpoint = registered.json();
        assertThat(new ArrayList<>(endpoint.propertyNames())).containsExactly("id", "url", "events", "secret",
                "created_at");
        assertThat(endpoint.get("id").asString()).matches(LOWER_CASE_UUID);
        assertThat(endpoint.get("url").asString()).isEqualTo("https://hooks.example.com/customers");
        assertThat(endpoint.get("events").isArray()).isTrue();
        List<String> events = new ArrayList<>();
        endpoint.get("events").forEach(event -> events.add(event.asString()));
        assertThat(events).containsExactly("customer.created", "customer.deleted");
        assertThat(endpoint.get("secret").asString()).matches(SECRET);
        assertThat(endpoint.get("created_at").asString()).matches(TIMESTAMP);

        JsonNode second = api.registerEndpoint(key, "https://hooks.example.com/other", ALL_EVENTS);
        assertThat(second.get("secret").asString()).matches(SECRET)
                .isNotEqualTo(endpoint.get("secret").asString());
        assertThat(second.get("id").asString()).isNotEqualTo(endpoint.get("id").asString());

        Http.Response list = api.listEndpoints(key);
        assertThat(list.body()).doesNotContain("whsec_")
                .doesNotContain(endpoint.get("secret").asString())
                .doesNotContain(second.get("secret").asString());
        List<JsonNode> listed = data(list);
        assertThat(listed).hasSize(2);
        for (JsonNode item : listed) {
            assertThat(new ArrayList<>(item.propertyNames())).containsExactly("id", "url", "events", "created_at");
        }
        JsonNode first = listed.stream().filter(item -> item.get("id").asString()
                .equals(endpoint.get("id").asString())).findFirst().orElseThrow();
        assertThat(first.get("url").asString()).isEqualTo("https://hooks.example.com/customers");
        assertThat(first.get("events").toString()).isEqualTo(endpoint.get("events").toString());
        assertThat(first.get("created_at").asString()).isEqualTo(endpoint.get("created_at").asString());
        assertThat(ids(listed)).containsExactlyInAnyOrder(endpoint.get("id").asString(),
                second.get("id").asString());
    }

    @Test
    void a_seller_without_endpoints_lists_none() {
        assertThat(data(api.listEndpoints(api.sellerKey()))).isEmpty();
    }

    /** allow-loopback is on here (the receiver is on 127.0.0.1); the SSRF suite runs with it off. */
    @Test
    void with_loopback_allowed_loopback_hosts_are_accepted_and_private_networks_still_refused() {
        String key = api.sellerKey();
        for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost:8080/hook", "http://[::1]:8080/hook",
                "https://127.0.0.1/hook")) {
            Http.Response registered = api.register(key, WebhookApi.endpointJson(url, ALL_EVENTS));
            assertThat(registered.status()).as("%s: %s", url, registered.body()).isEqualTo(201);
            assertThat(registered.field("url")).isEqualTo(url);
        }
        for (String url : List.of("http://hooks.example.com/customers", "http://10.0.0.1/hook",
                "http://192.168.1.20:8080/hook", "https://10.0.0.1/hook", "https://169.254.169.254/latest")) {
            assertBadRequest(api.register(key, WebhookApi.endpointJson(url, ALL_EVENTS)), NOT_PUBLIC);
        }
        assertThat(data(api.listEndpoints(key))).hasSize(4);
    }

    @Test
    void registrations_that_break_the_schema_are_refused_with_the_first_error() {
        String key = api.sellerKey();
        String events = "[\"customer.created\"]";

        assertBadRequest(api.register(key, "{\"events\": " + events + "}"), "body must have required property 'url'");
        assertBadRequest(api.register(key, "{}"), "body must have required property 'url'");
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\"}"),
                "body must have required property 'events'");
        assertBadRequest(api.register(key, "{\"url\": 42, \"events\": " + events + "}"), "body/url must be string");
        assertBadRequest(api.register(key, "{\"url\": null, \"events\": " + events + "}"), "body/url must be string");
        assertBadRequest(api.register(key, "{\"url\": \"not a url\", \"events\": " + events + "}"),
                "body/url must match format \"uri\"");
        assertBadRequest(api.register(key, "{\"url\": \"https://\", \"events\": " + events + "}"),
                "body/url must match format \"uri\"");
        assertBadRequest(api.register(key, "{\"url\": \"http://example.com/x\", \"events\": " + events + "}"),
                NOT_PUBLIC);
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\", \"events\": "
                + "\"customer.created\"}"), "body/events must be array");
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\", \"events\": null}"),
                "body/events must be array");
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\", \"events\": []}"),
                "body/events must NOT have fewer than 1 items");
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\", \"events\": [1]}"),
                "body/events/0 must be string");
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\", \"events\": "
                + "[\"customer.exploded\"]}"), "body/events/0 must be equal to one of the allowed values");
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\", \"events\": "
                + "[\"customer.created\", \"Customer.Updated\"]}"),
                "body/events/1 must be equal to one of the allowed values");
        assertBadRequest(api.register(key, "{\"url\": \"https://hooks.example.com/x\", \"events\": "
                + "[\"customer.created\", null]}"), "body/events/1 must be string");

        assertThat(data(api.listEndpoints(key))).as("nothing refused was registered").isEmpty();
    }

    @Test
    void the_webhook_api_needs_an_api_key() {
        Http.Response anonymous = http.post("/api/webhook-endpoints")
                .json(WebhookApi.endpointJson("https://hooks.example.com/x", ALL_EVENTS)).send();
        assertError(anonymous, 401, "Unauthorized",
                "API key is required. Provide it via X-API-Key header or Authorization Bearer token.");
        assertError(http.get("/api/webhook-endpoints").send(), 401, "Unauthorized",
                "API key is required. Provide it via X-API-Key header or Authorization Bearer token.");
    }

    @Test
    void a_removed_endpoint_is_gone_and_cannot_be_removed_again() {
        String key = api.sellerKey();
        JsonNode kept = api.registerEndpoint(key, "https://hooks.example.com/kept", ALL_EVENTS);
        JsonNode removed = api.registerEndpoint(key, "https://hooks.example.com/removed", ALL_EVENTS);

        Http.Response deleted = api.removeEndpoint(key, removed.get("id").asString());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        assertThat(ids(data(api.listEndpoints(key)))).containsExactly(kept.get("id").asString());
        assertError(api.removeEndpoint(key, removed.get("id").asString()), 404, "Not Found", NOT_FOUND);
        assertError(api.removeEndpoint(key, UUID.randomUUID().toString()), 404, "Not Found", NOT_FOUND);
        assertError(api.removeEndpoint(key, "not-a-uuid"), 404, "Not Found", NOT_FOUND);
        assertError(api.deliveriesResponse(key, UUID.randomUUID().toString()), 404, "Not Found", NOT_FOUND);
        assertThat(ids(data(api.listEndpoints(key)))).containsExactly(kept.get("id").asString());
    }

    @Test
    void another_seller_can_neither_see_nor_remove_an_endpoint() {
        String owner = api.sellerKey();
        String stranger = api.sellerKey();
        JsonNode endpoint = api.registerEndpoint(owner, "https://hooks.example.com/private", ALL_EVENTS);
        String id = endpoint.get("id").asString();

        assertThat(data(api.listEndpoints(stranger))).isEmpty();
        assertError(api.deliveriesResponse(stranger, id), 404, "Not Found", NOT_FOUND);
        assertError(api.removeEndpoint(stranger, id), 404, "Not Found", NOT_FOUND);
        assertError(api.retry(stranger, id, UUID.randomUUID().toString()), 404, "Not Found",
                "Webhook delivery not found");

        assertThat(ids(data(api.listEndpoints(owner)))).containsExactly(id);
        assertThat(api.deliveries(owner, id)).isEmpty();
        assertThat(api.removeEndpoint(owner, id).status()).isEqualTo(204);
    }
}
