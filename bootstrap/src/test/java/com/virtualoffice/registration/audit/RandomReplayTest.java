package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.persistence.ReadModelRebuild;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A seeded random run of creates, updates and deletes against one seller, checked step by step against a model
 * of the contract; then the feed must tell exactly those changes in order, and the read models rebuilt from the
 * event store must equal the live ones row for row.
 */
class RandomReplayTest extends AuditSupport {

    private static final long SEED = 20_240_115L;
    private static final int OPERATIONS = 2000;
    private static final int EMAIL_POOL = 300;
    private static final int KEYS = 10;

    private static final List<String> NAMES = List.of("Ada", "Grace", "Alan", "Edsger", "Barbara", "Jürgen");
    private static final List<String> COMPANIES = List.of("Acme", "Globex", "Initech", "Müller & Söhne");
    private static final List<String> ENTITIES = List.of("GmbH", "LLC", "AG", "Ltd");
    private static final List<String> STATUSES = List.of("active", "inactive", "suspended");
    private static final List<String> ADDRESS_KEYS = List.of("street", "city", "postal_code", "country");
    private static final List<String> WORDS = List.of("Berlin", "10115", "DE", "Hauptstraße 1", "Springfield", "US",
            "1 Main St", "Wien", "AT", "");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("allReadModels")
    private ReadModelRebuild rebuild;

    private final Random random = new Random(SEED);
    private final List<String> keys = new ArrayList<>();
    private int nextKey;

    /** The live customers as the contract says they are now, by id. */
    private final Map<String, ObjectNode> live = new LinkedHashMap<>();
    private final List<String> deleted = new ArrayList<>();
    /** Every event the successful calls must have caused, in order: type and customer after it. */
    private final List<String> expectedTypes = new ArrayList<>();
    private final List<JsonNode> expectedCustomers = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new LinkedHashMap<>();

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String email() {
        String email = "pool" + random.nextInt(EMAIL_POOL) + "@example.com";
        return switch (random.nextInt(4)) {
            case 0 -> email.toUpperCase(Locale.ROOT);
            case 1 -> "Pool" + email.substring(4);
            default -> email;
        };
    }

    private JsonNode address() {
        ObjectNode address = JSON.createObjectNode();
        for (String key : ADDRESS_KEYS) {
            if (random.nextBoolean()) {
                address.put(key, pick(WORDS));
            }
        }
        return address;
    }

    private void maybe(ObjectNode body, String field, double probability, Supplier<JsonNode> value) {
        if (random.nextDouble() < probability) {
            body.set(field, value.get());
        }
    }

    private JsonNode text(List<String> values) {
        return JSON.getNodeFactory().stringNode(pick(values));
    }

    private JsonNode textOrNull(List<String> values) {
        return random.nextInt(3) == 0 ? JSON.getNodeFactory().nullNode() : text(values);
    }

    private JsonNode addressOrNull() {
        return random.nextInt(3) == 0 ? JSON.getNodeFactory().nullNode() : address();
    }

    /**
     * The call with the next key; a 429 of the per-key limit executed nothing, and the service's clock is moved on
     * by a refill's worth (a request per 20 ms at 50 per second) before the next key is tried.
     */
    private Http.Response send(java.util.function.Function<String, Http.Request> call) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String key = keys.get(nextKey++ % keys.size());
            Http.Response response = call.apply(key).send();
            if (response.status() != 429) {
                statuses.merge(response.status(), 1, Integer::sum);
                return response;
            }
            TestClock.advance(Duration.ofMillis(50));
        }
        throw new AssertionError("rate limited for good");
    }

    private boolean emailTaken(String email, String exceptId) {
        return live.entrySet().stream().anyMatch(customer -> !customer.getKey().equals(exceptId)
                && customer.getValue().get("email").asString().equalsIgnoreCase(email));
    }

    private static JsonNode withoutUpdatedAt(JsonNode customer) {
        ObjectNode copy = (ObjectNode) customer.deepCopy();
        copy.remove("updated_at");
        return copy;
    }

    private void create(int step) {
        ObjectNode body = JSON.createObjectNode();
        body.put("first_name", pick(NAMES));
        body.put("last_name", pick(NAMES));
        body.put("email", email());
        maybe(body, "company_name", 0.4, () -> text(COMPANIES));
        maybe(body, "legal_entity", 0.3, () -> text(ENTITIES));
        maybe(body, "language", 0.5, () -> text(List.of("en", "de")));
        maybe(body, "address_data", 0.4, this::address);
        maybe(body, "postal_redirect_address", 0.2, this::address);
        maybe(body, "status", 0.4, () -> text(STATUSES));
        String json = JSON.writeValueAsString(body);

        Http.Response response = send(key -> http.post("/api/customers").apiKey(key).json(json));

        if (emailTaken(body.get("email").asString(), null)) {
            assertError(response, 409, "Conflict", "A customer with this email already exists");
            return;
        }
        assertThat(response.status()).as("step %d: %s -> %s", step, json, response.body()).isEqualTo(201);
        JsonNode created = response.json();
        ObjectNode expected = JSON.createObjectNode();
        expected.set("id", created.get("id"));
        expected.put("seller_id", created.get("seller_id").asString());
        for (String field : CHANGEABLE_FIELDS) {
            JsonNode value = body.get(field);
            if (value == null) {
                value = switch (field) {
                    case "language" -> JSON.getNodeFactory().stringNode("de");
                    case "status" -> JSON.getNodeFactory().stringNode("active");
                    default -> JSON.getNodeFactory().nullNode();
                };
            }
            expected.set(field, value);
        }
        expected.put("source", "api");
        expected.set("created_at", created.get("created_at"));
        expected.set("updated_at", created.get("created_at"));
        assertSameJson(created, expected);
        live.put(created.get("id").asString(), (ObjectNode) created);
        expectedTypes.add("customer.created");
        expectedCustomers.add(created);
    }

    private void update(int step) {
        String id = pick(new ArrayList<>(live.keySet()));
        ObjectNode current = live.get(id);
        ObjectNode body = JSON.createObjectNode();
        maybe(body, "first_name", 0.25, () -> text(NAMES));
        maybe(body, "last_name", 0.25, () -> text(NAMES));
        maybe(body, "email", 0.25, () -> JSON.getNodeFactory().stringNode(email()));
        maybe(body, "company_name", 0.25, () -> textOrNull(COMPANIES));
        maybe(body, "legal_entity", 0.25, () -> textOrNull(ENTITIES));
        maybe(body, "language", 0.25, () -> text(List.of("en", "de")));
        maybe(body, "address_data", 0.25, this::addressOrNull);
        maybe(body, "postal_redirect_address", 0.25, this::addressOrNull);
        maybe(body, "status", 0.25, () -> text(STATUSES));
        ObjectNode expected = current.deepCopy();
        body.properties().forEach(field -> expected.set(field.getKey(), field.getValue()));
        if (withoutUpdatedAt(expected).equals(withoutUpdatedAt(current))) {
            // Every update here changes something, so that each successful call is one event with news in it.
            body.put("first_name", "Changed " + step);
            expected.put("first_name", "Changed " + step);
        }
        String json = JSON.writeValueAsString(body);

        Http.Response response = send(key -> http.request("PATCH", "/api/customers/" + id).apiKey(key).json(json));

        if (body.has("email") && emailTaken(body.get("email").asString(), id)) {
            assertError(response, 409, "Conflict", "A customer with this email already exists");
            return;
        }
        assertThat(response.status()).as("step %d: %s -> %s", step, json, response.body()).isEqualTo(200);
        JsonNode updated = response.json();
        assertThat(java.time.Instant.parse(updated.get("updated_at").asString()))
                .isAfterOrEqualTo(java.time.Instant.parse(current.get("updated_at").asString()));
        expected.set("updated_at", updated.get("updated_at"));
        assertSameJson(updated, expected);
        live.put(id, (ObjectNode) updated);
        expectedTypes.add("customer.updated");
        expectedCustomers.add(updated);
    }

    private void delete(int step) {
        String id = pick(new ArrayList<>(live.keySet()));
        Http.Response response = send(key -> http.request("DELETE", "/api/customers/" + id).apiKey(key));
        assertThat(response.status()).as("step %d: %s", step, response.body()).isEqualTo(204);
        expectedTypes.add("customer.deleted");
        expectedCustomers.add(live.remove(id));
        deleted.add(id);
    }

    private void touchGone(int step) {
        String id = deleted.isEmpty() || random.nextInt(4) == 0 ? UUID.randomUUID().toString() : pick(deleted);
        Http.Response response = random.nextBoolean()
                ? send(key -> http.request("DELETE", "/api/customers/" + id).apiKey(key))
                : send(key -> http.request("PATCH", "/api/customers/" + id).apiKey(key).json("{\"first_name\": \"X\"}"));
        assertCustomerNotFound(response);
    }

    private List<String> rows(String sellerId) {
        UUID seller = UUID.fromString(sellerId);
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT 'seller ' || s::text FROM sellers s WHERE id = :seller")
                .param("seller", seller).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT 'customer ' || c::text FROM customers c WHERE seller_id = :seller ORDER BY id")
                .param("seller", seller).query(String.class).list());
        rows.addAll(jdbc.sql("SELECT 'event ' || e::text FROM customer_events e WHERE seller_id = :seller"
                        + " ORDER BY sequence_number")
                .param("seller", seller).query(String.class).list());
        return rows;
    }

    @Test
    void after_thousands_of_random_changes_the_feed_tells_them_all_and_a_rebuild_changes_no_row() throws Exception {
        long start = System.nanoTime();
        SellerWithKey seller = operator.sellerOn("enterprise");
        keys.add(seller.apiKey());
        for (int i = 1; i < KEYS; i++) {
            keys.add(issueKey(seller.sellerId())[1]);
        }

        for (int step = 0; step < OPERATIONS; step++) {
            int dice = random.nextInt(100);
            if (live.isEmpty() || dice < 35) {
                create(step);
            } else if (dice < 80) {
                update(step);
            } else if (dice < 95) {
                delete(step);
            } else {
                touchGone(step);
            }
        }
        long operationsDone = System.nanoTime();
        System.out.printf("random run: %d operations in %d ms, answers %s, %d events, %d live, %d deleted%n",
                OPERATIONS, (operationsDone - start) / 1_000_000, statuses, expectedTypes.size(), live.size(),
                deleted.size());
        assertThat(statuses).as("some creates and updates collided on an email").containsKey(409);

        // The feed: exactly the successful changes, in the order they were made, each with its customer.
        List<JsonNode> feed = allEvents(seller.apiKey());
        assertThat(feed).hasSize(expectedTypes.size());
        for (int i = 0; i < feed.size(); i++) {
            JsonNode event = feed.get(i);
            assertThat(event.get("type").asString()).as("event %d: %s", i, event).isEqualTo(expectedTypes.get(i));
            assertThat(event.get("seller_id").asString()).isEqualTo(seller.sellerId());
            assertSameJson(event.get("data").get("customer"), expectedCustomers.get(i));
        }
        assertThat(ids(feed)).doesNotHaveDuplicates();
        Http.Response sellerNow = http.get("/admin/sellers/" + seller.sellerId()).bearer(ADMIN_TOKEN).send();
        assertThat(sellerNow.json().get("customer_count").asInt()).isEqualTo(live.size());

        List<String> before = rows(seller.sellerId());
        assertThat(before.size()).isGreaterThanOrEqualTo(1 + live.size() + expectedTypes.size());

        long replayed = rebuild.rebuild();

        assertThat(replayed).isGreaterThanOrEqualTo(expectedTypes.size());
        List<String> after = rows(seller.sellerId());
        assertThat(after).hasSameSizeAs(before);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!after.get(i).equals(before.get(i))) {
                differences.add("row " + i + "\n  before: " + before.get(i) + "\n  after:  " + after.get(i));
            }
        }
        assertThat(differences.size())
                .as("%d of %d rows differ after the rebuild; the first:%n%s", differences.size(), before.size(),
                        String.join("\n", differences.subList(0, Math.min(3, differences.size()))))
                .isZero();
        assertThat(allEvents(seller.apiKey())).isEqualTo(feed);
        System.out.printf("random run: feed, rebuild and comparison done after %d ms in all%n",
                (System.nanoTime() - start) / 1_000_000);
    }
}
