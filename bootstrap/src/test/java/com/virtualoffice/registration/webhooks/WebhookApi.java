package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Eventually;
import com.virtualoffice.registration.support.Http;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * The calls the webhook tests make, as a client makes them (seller API with the key, operator API with the admin
 * token), and the checks they share: the signature, the delivered event, and waiting with a deadline.
 */
final class WebhookApi {

    /** The settings that make retries and giving up take seconds instead of hours. */
    static final String[] FAST_WEBHOOKS = {
            "registration.webhooks.poll-interval=100ms",
            "registration.webhooks.initial-backoff=200ms",
            "registration.webhooks.max-backoff=400ms",
            "registration.webhooks.give-up-after=3s",
            "registration.webhooks.request-timeout=1s",
            "registration.webhooks.lease=5s"};

    static final List<String> ALL_EVENTS = List.of("customer.created", "customer.updated", "customer.deleted");
    static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9]{32}");
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    private final Http http;
    private final String adminToken;

    WebhookApi(Http http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    Http http() {
        return http;
    }

    // --- sellers and customers ------------------------------------------------------------------------------

    /** A new seller on the business plan with one API key; returns the key. */
    String sellerKey() {
        return seller().key();
    }

    record Seller(String id, String key) {
    }

    Seller seller() {
        Http.Response seller = http.post("/admin/sellers").bearer(adminToken)
                .json("{\"name\": \"Webhook seller\", \"plan\": \"business\"}").send();
        assertThat(seller.status()).as(seller.body()).isEqualTo(201);
        String sellerId = seller.field("id");
        Http.Response key = http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(adminToken)
                .json("{\"name\": \"webhooks\"}").send();
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return new Seller(sellerId, key.field("key"));
    }

    Http.Response postCustomer(String key) {
        return http.post("/api/customers").apiKey(key).json(Customers.withEmail(uniqueEmail())).send();
    }

    /** Creates a customer that must be accepted; returns its id. */
    String createCustomer(String key) {
        Http.Response created = postCustomer(key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.field("id");
    }

    void updateCustomer(String key, String customerId, String companyName) {
        Http.Response patched = http.request("PATCH", "/api/customers/" + customerId).apiKey(key)
                .json("{\"company_name\": \"" + companyName + "\"}").send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    void deleteCustomer(String key, String customerId) {
        Http.Response deleted = http.request("DELETE", "/api/customers/" + customerId).apiKey(key).send();
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }

    /** All of the seller's events, oldest first, through every page of {@code GET /api/events}. */
    List<JsonNode> events(String key) {
        List<JsonNode> events = new ArrayList<>();
        String after = null;
        while (true) {
            Http.Response page = http.get("/api/events?limit=100" + (after == null ? "" : "&starting_after=" + after))
                    .apiKey(key).send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode json = page.json();
            json.get("data").forEach(events::add);
            if (!json.get("has_more").asBoolean() || events.isEmpty()) {
                return events;
            }
            after = events.getLast().get("id").asString();
        }
    }

    // --- webhook endpoints and deliveries ---------------------------------------------------------------------

    Http.Response register(String key, String json) {
        return http.post("/api/webhook-endpoints").apiKey(key).json(json).send();
    }

    /** Registers an endpoint that must be accepted; returns the 201 answer (with the secret). */
    JsonNode registerEndpoint(String key, String url, List<String> events) {
        Http.Response registered = register(key, endpointJson(url, events));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json();
    }

    static String endpointJson(String url, List<String> events) {
        return "{\"url\": " + JSON.writeValueAsString(url) + ", \"events\": " + JSON.writeValueAsString(events) + "}";
    }

    Http.Response listEndpoints(String key) {
        return http.get("/api/webhook-endpoints").apiKey(key).send();
    }

    Http.Response removeEndpoint(String key, String endpointId) {
        return http.request("DELETE", "/api/webhook-endpoints/" + endpointId).apiKey(key).send();
    }

    Http.Response deliveriesResponse(String key, String endpointId) {
        return http.get("/api/webhook-endpoints/" + endpointId + "/deliveries").apiKey(key).send();
    }

    /** The endpoint's deliveries, as listed (newest first). */
    List<JsonNode> deliveries(String key, String endpointId) {
        Http.Response response = deliveriesResponse(key, endpointId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        response.json().get("data").forEach(deliveries::add);
        return deliveries;
    }

    /** The one delivery of this event to the endpoint. */
    JsonNode delivery(String key, String endpointId, String eventId) {
        List<JsonNode> matching = deliveries(key, endpointId).stream()
                .filter(delivery -> delivery.get("event_id").asString().equals(eventId)).toList();
        assertThat(matching).as("deliveries of %s to %s", eventId, endpointId).hasSize(1);
        return matching.getFirst();
    }

    Http.Response retry(String key, String endpointId, String deliveryId) {
        return http.post("/api/webhook-endpoints/" + endpointId + "/deliveries/" + deliveryId + "/retry").apiKey(key)
                .send();
    }

    // --- checks ------------------------------------------------------------------------------------------------

    /** The same JSON text, property order included, once both are written without white space. */
    static String canonical(JsonNode json) {
        return JSON.writeValueAsString(json);
    }

    static String hmacSha256Hex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The receipt carries {@code Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}
     * keyed with the secret, and t is within a few seconds of the moment the request arrived.
     */
    static void assertSigned(Receiver.Receipt receipt, String secret) {
        String header = receipt.header("Webhook-Signature");
        assertThat(header).as("Webhook-Signature of %s", receipt.bodyText()).isNotNull();
        Matcher matcher = SIGNATURE.matcher(header);
        assertThat(matcher.matches()).as("Webhook-Signature %s", header).isTrue();
        long t = Long.parseLong(matcher.group(1));
        assertThat(Math.abs(t - receipt.arrivedAt().getEpochSecond())).as("t=%d against arrival at %s", t,
                receipt.arrivedAt()).isLessThanOrEqualTo(5);
        byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + receipt.body().length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(receipt.body(), 0, signed, prefix.length, receipt.body().length);
        assertThat(matcher.group(2)).as("v1 of %s over %s", header, receipt.bodyText())
                .isEqualTo(hmacSha256Hex(secret, signed));
    }

    /** A POST of a JSON body that is exactly the event object {@code GET /api/events} shows for its id. */
    static void assertIsEvent(Receiver.Receipt receipt, JsonNode event) {
        assertThat(receipt.method()).isEqualTo("POST");
        assertThat(receipt.header("Content-Type")).as("Content-Type").startsWith("application/json");
        assertThat(canonical(receipt.json())).as("body of the delivery").isEqualTo(canonical(event));
    }

    static JsonNode eventWithId(List<JsonNode> events, String id) {
        Optional<JsonNode> event = events.stream().filter(e -> e.get("id").asString().equals(id)).findFirst();
        assertThat(event).as("event %s in %s", id, ids(events)).isPresent();
        return event.get();
    }

    /** For a service whose own polling schedule is under test (a restart); other tests drive the polls. */
    static void eventually(Duration within, Runnable check) {
        Eventually.within(within, check);
    }
}
