package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertCustomerShape;
import static com.virtualoffice.registration.support.Contract.assertJson;
import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Contract;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Shared vocabulary of the audit tests (docs/api.md, "Events, history and webhooks"): the customer calls a seller
 * makes, the history, the customer at an instant and the event feed, and the audit's own shapes (the contract's
 * conventions are checked through {@link Contract}). A base class rather than a helper so that every test runs in
 * the one cached context of {@link ServiceTest}.
 */
abstract class AuditSupport extends ServiceTest {

    static final Pattern EVENT_ID = Pattern.compile("evt_[0-9a-f]{32}");

    /** The fields a history entry may list as changed, in the customer object's order. */
    static final List<String> CHANGEABLE_FIELDS = List.of("first_name", "last_name", "email", "company_name",
            "legal_entity", "language", "address_data", "postal_redirect_address", "status");
    static final List<String> HISTORY_ENTRY_FIELDS =
            List.of("id", "type", "created_at", "actor", "request_id", "client_request_id", "erased", "changes");
    static final List<String> ACTOR_FIELDS = List.of("type", "api_key_id", "api_key_prefix");
    static final List<String> EVENT_FIELDS = List.of("id", "type", "created_at", "seller_id", "data");

    static final String NO_KEY =
            "API key is required. Provide it via X-API-Key header or Authorization Bearer token.";
    static final String BAD_CURSOR = "querystring/starting_after must be the id of one of your events";

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A timestamp in the contract's format. */
    static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /** The timestamp {@code millis} milliseconds from the given one, in the contract's format. */
    static String shift(String timestamp, long millis) {
        return format(Instant.parse(timestamp).plusMillis(millis));
    }

    /** Moves the service's clock on, so that consecutive changes get distinct milliseconds. */
    static void tick() {
        TestClock.tick();
    }

    // --- customer calls ------------------------------------------------------------------------------------

    Http.Response create(SellerWithKey seller, String json) {
        return http.post("/api/customers").apiKey(seller.apiKey()).json(json).send();
    }

    /** Creates a customer that must be accepted; returns the whole response. */
    Http.Response created(SellerWithKey seller, String json) {
        Http.Response created = create(seller, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created;
    }

    JsonNode createCustomer(SellerWithKey seller, String json) {
        return created(seller, json).json();
    }

    Http.Response patch(String apiKey, String id, String json) {
        return http.request("PATCH", "/api/customers/" + id).apiKey(apiKey).json(json).send();
    }

    JsonNode patchCustomer(SellerWithKey seller, String id, String json) {
        Http.Response patched = patch(seller.apiKey(), id, json);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        return patched.json();
    }

    Http.Response delete(String apiKey, String id) {
        return http.request("DELETE", "/api/customers/" + id).apiKey(apiKey).send();
    }

    void deleteCustomer(SellerWithKey seller, String id) {
        Http.Response deleted = delete(seller.apiKey(), id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
    }

    Http.Response read(SellerWithKey seller, String id) {
        return http.get("/api/customers/" + id).apiKey(seller.apiKey()).send();
    }

    Http.Response readAsOf(SellerWithKey seller, String id, String asOf) {
        return http.get("/api/customers/" + id + "?as_of=" + encode(asOf)).apiKey(seller.apiKey()).send();
    }

    Http.Response history(SellerWithKey seller, String id) {
        return http.get("/api/customers/" + id + "/history").apiKey(seller.apiKey()).send();
    }

    Http.Response history(SellerWithKey seller, String id, String query) {
        return http.get("/api/customers/" + id + "/history?" + query).apiKey(seller.apiKey()).send();
    }

    /** The history's entries, all on the first page of 100: the answer must be a page with no more after it. */
    JsonNode historyEntries(SellerWithKey seller, String id) {
        JsonNode page = page(history(seller, id, "limit=100"));
        assertThat(page.get("has_more").asBoolean()).as("%s", page).isFalse();
        return page.get("data");
    }

    // --- the event feed ------------------------------------------------------------------------------------

    /** GET /api/events with a raw (already encoded) query string, possibly empty. */
    Http.Response events(String apiKey, String query) {
        return http.get("/api/events" + (query.isEmpty() ? "" : "?" + query)).apiKey(apiKey).send();
    }

    Http.Response adminEvents(String sellerId, String query) {
        return http.get("/admin/sellers/" + sellerId + "/events" + (query.isEmpty() ? "" : "?" + query))
                .bearer(ADMIN_TOKEN).send();
    }

    /** A page, which must be a 200 of exactly {@code {"data": [...], "has_more": ...}}. */
    static JsonNode page(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertJson(response);
        JsonNode page = response.json();
        assertThat(propertyNames(page)).as(response.body()).containsExactly("data", "has_more");
        assertThat(page.get("data").isArray()).as(response.body()).isTrue();
        assertThat(page.get("has_more").isBoolean()).as(response.body()).isTrue();
        return page;
    }

    /** Every event of the seller, read with the largest page. */
    List<JsonNode> allEvents(String apiKey) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 10_000; guard++) {
            JsonNode page = page(events(apiKey, "limit=100" + (cursor == null ? "" : "&starting_after=" + cursor)));
            page.get("data").forEach(all::add);
            if (!page.get("has_more").asBoolean()) {
                return all;
            }
            assertThat(page.get("data").size()).as("a page with more after it is full").isEqualTo(100);
            cursor = all.getLast().get("id").asString();
        }
        throw new AssertionError("the feed never ended");
    }

    /** Issues another key of the seller through the operator API; returns {id, key}. */
    String[] issueKey(String sellerId) {
        Http.Response key = http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN)
                .json("{\"name\": \"audit\"}").send();
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return new String[] {key.field("id"), key.field("key")};
    }

    // --- checks --------------------------------------------------------------------------------------------

    /** The same JSON, down to the order of every object's properties. */
    static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(actual).as("%s", actual).isEqualTo(expected);
        assertThat(JSON.writeValueAsString(actual)).isEqualTo(JSON.writeValueAsString(expected));
    }

    /** An event object in the contract's shape, of the given seller. */
    static void assertEventShape(JsonNode event, String sellerId) {
        assertThat(propertyNames(event)).as("%s", event).containsExactlyElementsOf(EVENT_FIELDS);
        assertThat(event.get("id").asString()).matches(EVENT_ID);
        assertThat(event.get("type").asString()).isIn("customer.created", "customer.updated", "customer.deleted");
        assertThat(event.get("created_at").asString()).matches(TIMESTAMP);
        assertThat(event.get("seller_id").asString()).isEqualTo(sellerId);
        assertThat(propertyNames(event.get("data"))).as("%s", event).containsExactly("customer");
        assertCustomerShape(event.get("data").get("customer"));
        assertThat(event.get("data").get("customer").get("seller_id").asString()).isEqualTo(sellerId);
    }
}
