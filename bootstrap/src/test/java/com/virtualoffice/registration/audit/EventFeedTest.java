package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.LOWER_CASE_UUID;
import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md, "Events, history and webhooks": the seller's event feed {@code GET /api/events}, the operator's
 * {@code GET /admin/sellers/{id}/events}, and the identity of events across feed, history and event store.
 */
class EventFeedTest extends AuditSupport {

    @Autowired
    private JdbcClient jdbc;

    /** An event as the test expects it: its type and the customer after it. */
    private record Expected(String type, JsonNode customer) {
    }

    /** A seller with 25 customer events, made in a known order; the expected events in that order. */
    private record Scenario(SellerWithKey seller, List<Expected> events) {
    }

    private Scenario twentyFiveEvents() throws Exception {
        SellerWithKey seller = operator.sellerOn("free");
        List<Expected> expected = new ArrayList<>();
        List<JsonNode> customers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JsonNode customer = createCustomer(seller, "{\"first_name\": \"N" + i + "\", \"last_name\": \"L\","
                    + " \"email\": \"" + uniqueEmail() + "\"}");
            customers.add(customer);
            expected.add(new Expected("customer.created", customer));
        }
        tick();
        for (int i = 0; i < 8; i++) {
            JsonNode customer = patchCustomer(seller, customers.get(i).get("id").asString(),
                    "{\"company_name\": \"Co " + i + "\", \"address_data\": {\"city\": \"C" + i + "\"}}");
            customers.set(i, customer);
            expected.add(new Expected("customer.updated", customer));
        }
        tick();
        for (int i = 0; i < 4; i++) {
            deleteCustomer(seller, customers.get(i).get("id").asString());
            expected.add(new Expected("customer.deleted", customers.get(i)));
        }
        for (int i = 8; i < 10; i++) {
            JsonNode customer = createCustomer(seller, "{\"first_name\": \"N" + i + "\", \"last_name\": \"L\","
                    + " \"email\": \"" + uniqueEmail() + "\", \"language\": \"en\"}");
            customers.add(customer);
            expected.add(new Expected("customer.created", customer));
        }
        tick();
        for (int i : new int[] {9, 4, 8}) {
            JsonNode customer = patchCustomer(seller, customers.get(i).get("id").asString(),
                    "{\"status\": \"suspended\", \"company_name\": null}");
            customers.set(i, customer);
            expected.add(new Expected("customer.updated", customer));
        }
        assertThat(expected).hasSize(25);
        return new Scenario(seller, expected);
    }

    private static void assertEvents(List<JsonNode> events, List<Expected> expected, String sellerId) {
        assertThat(events).hasSize(expected.size());
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            assertEventShape(event, sellerId);
            assertThat(event.get("type").asString()).as("type of event %d: %s", i, event)
                    .isEqualTo(expected.get(i).type());
            assertSameJson(event.get("data").get("customer"), expected.get(i).customer());
            String customerAt = switch (expected.get(i).type()) {
                case "customer.created" -> expected.get(i).customer().get("created_at").asString();
                case "customer.updated" -> expected.get(i).customer().get("updated_at").asString();
                default -> null;
            };
            if (customerAt != null) {
                assertThat(event.get("created_at").asString()).as("%s", event).isEqualTo(customerAt);
            }
            if (i > 0) {
                assertThat(Instant.parse(event.get("created_at").asString())).as("oldest first")
                        .isAfterOrEqualTo(Instant.parse(events.get(i - 1).get("created_at").asString()));
            }
        }
        assertThat(ids(events)).doesNotHaveDuplicates();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String uuidOf(String eventId) {
        String hex = eventId.substring("evt_".length());
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    @Test
    void twenty_five_events_come_in_pages_of_ten_ten_and_five_in_the_order_they_were_made() throws Exception {
        Scenario scenario = twentyFiveEvents();
        String key = scenario.seller().apiKey();

        Http.Response first = events(key, "limit=10");
        JsonNode firstPage = page(first);
        String afterFirst = firstPage.get("data").get(9).get("id").asString();
        Http.Response second = events(key, "limit=10&starting_after=" + afterFirst);
        JsonNode secondPage = page(second);
        String afterSecond = secondPage.get("data").get(9).get("id").asString();
        Http.Response third = events(key, "starting_after=" + afterSecond + "&limit=10");
        JsonNode thirdPage = page(third);

        assertThat(firstPage.get("data").size()).isEqualTo(10);
        assertThat(firstPage.get("has_more").asBoolean()).isTrue();
        assertThat(secondPage.get("data").size()).isEqualTo(10);
        assertThat(secondPage.get("has_more").asBoolean()).isTrue();
        assertThat(thirdPage.get("data").size()).isEqualTo(5);
        assertThat(thirdPage.get("has_more").asBoolean()).isFalse();
        List<JsonNode> all = new ArrayList<>();
        all.addAll(list(firstPage.get("data")));
        all.addAll(list(secondPage.get("data")));
        all.addAll(list(thirdPage.get("data")));
        assertEvents(all, scenario.events(), scenario.seller().sellerId());

        // The same event always has the same id: reading again gives the same pages, byte for byte.
        assertThat(events(key, "limit=10").body()).isEqualTo(first.body());
        assertThat(events(key, "limit=10&starting_after=" + afterFirst).body()).isEqualTo(second.body());
        assertThat(events(key, "starting_after=" + afterSecond + "&limit=10").body()).isEqualTo(third.body());
        assertThat(allEvents(key)).isEqualTo(all);
    }

    @Test
    void pages_default_to_twenty_and_continue_after_any_event() throws Exception {
        Scenario scenario = twentyFiveEvents();
        String key = scenario.seller().apiKey();
        List<JsonNode> all = list(page(events(key, "limit=100")).get("data"));
        assertEvents(all, scenario.events(), scenario.seller().sellerId());
        assertThat(page(events(key, "limit=100")).get("has_more").asBoolean()).isFalse();

        JsonNode byDefault = page(events(key, ""));
        assertThat(list(byDefault.get("data"))).isEqualTo(all.subList(0, 20));
        assertThat(byDefault.get("has_more").asBoolean()).isTrue();

        JsonNode middle = page(events(key, "limit=3&starting_after=" + all.get(4).get("id").asString()));
        assertThat(list(middle.get("data"))).isEqualTo(all.subList(5, 8));
        assertThat(middle.get("has_more").asBoolean()).isTrue();

        JsonNode lastOne = page(events(key, "limit=1&starting_after=" + all.get(23).get("id").asString()));
        assertThat(list(lastOne.get("data"))).isEqualTo(all.subList(24, 25));
        assertThat(lastOne.get("has_more").asBoolean()).isFalse();

        JsonNode exactlyTheRest = page(events(key, "limit=5&starting_after=" + all.get(19).get("id").asString()));
        assertThat(list(exactlyTheRest.get("data"))).isEqualTo(all.subList(20, 25));
        assertThat(exactlyTheRest.get("has_more").asBoolean()).isFalse();

        JsonNode afterLast = page(events(key, "starting_after=" + all.get(24).get("id").asString()));
        assertThat(afterLast.get("data").size()).isZero();
        assertThat(afterLast.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void a_new_seller_has_an_empty_feed() {
        var seller = operator.sellerOn("free");

        JsonNode page = page(events(seller.apiKey(), ""));

        assertThat(page.get("data").size()).isZero();
        assertThat(page.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void a_seller_sees_only_its_own_events() {
        var seller = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        String mine = createCustomer(seller, Customers.withEmail(uniqueEmail())).get("id").asString();
        String theirs = createCustomer(other, Customers.withEmail(uniqueEmail())).get("id").asString();
        patchCustomer(other, theirs, "{\"first_name\": \"Grace\"}");

        List<JsonNode> myEvents = allEvents(seller.apiKey());
        List<JsonNode> theirEvents = allEvents(other.apiKey());

        assertThat(myEvents).hasSize(1);
        assertThat(myEvents.getFirst().get("data").get("customer").get("id").asString()).isEqualTo(mine);
        assertThat(myEvents.getFirst().get("seller_id").asString()).isEqualTo(seller.sellerId());
        assertThat(theirEvents).hasSize(2);
        theirEvents.forEach(event -> assertThat(event.get("seller_id").asString()).isEqualTo(other.sellerId()));
    }

    @Test
    void a_cursor_that_is_not_one_of_the_sellers_events_is_a_bad_request() {
        var seller = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        String customerId = createCustomer(seller, Customers.withEmail(uniqueEmail())).get("id").asString();
        createCustomer(other, Customers.withEmail(uniqueEmail()));
        String othersEvent = allEvents(other.apiKey()).getFirst().get("id").asString();
        String myEvent = allEvents(seller.apiKey()).getFirst().get("id").asString();
        String unknown = "evt_" + HexFormat.of().formatHex(new byte[16]).replace("0", "7");

        for (String cursor : List.of(unknown, "evt_" + UUID.randomUUID().toString().replace("-", ""), othersEvent,
                "abc", "evt_", "evt_xyz", customerId, uuidOf(myEvent), myEvent.toUpperCase(),
                myEvent + "0", "")) {
            assertBadRequest(events(seller.apiKey(), "starting_after=" + encode(cursor)), BAD_CURSOR);
        }
        assertThat(page(events(seller.apiKey(), "starting_after=" + myEvent)).get("data").size()).isZero();
    }

    @Test
    void a_limit_outside_one_to_a_hundred_is_a_bad_request() {
        var seller = operator.sellerOn("free");
        String key = seller.apiKey();

        assertBadRequest(events(key, "limit=101"), "querystring/limit must be <= 100");
        assertBadRequest(events(key, "limit=100000000000000000000"), "querystring/limit must be <= 100");
        assertBadRequest(events(key, "limit=0"), "querystring/limit must be >= 1");
        assertBadRequest(events(key, "limit=-1"), "querystring/limit must be >= 1");
        assertBadRequest(events(key, "limit=abc"), "querystring/limit must be integer");
        assertBadRequest(events(key, "limit=1.5"), "querystring/limit must be integer");
        assertThat(page(events(key, "limit=1")).get("has_more").asBoolean()).isFalse();
        assertThat(page(events(key, "limit=100")).get("has_more").asBoolean()).isFalse();
    }

    @Test
    void the_feed_requires_a_valid_api_key() {
        assertError(http.get("/api/events").send(), 401, "Unauthorized", NO_KEY);
        assertError(events("sk_live_" + "x".repeat(48), ""), 401, "Unauthorized", "Invalid API key");
        assertError(http.get("/api/events").bearer(ADMIN_TOKEN).send(), 401, "Unauthorized", "Invalid API key");
    }

    @Test
    void the_operator_reads_any_sellers_feed_page_for_page_as_the_seller_does() throws Exception {
        Scenario scenario = twentyFiveEvents();
        String sellerId = scenario.seller().sellerId();
        String key = scenario.seller().apiKey();
        List<JsonNode> all = allEvents(key);
        String cursor = all.get(9).get("id").asString();

        for (String query : List.of("", "limit=10", "limit=100", "limit=10&starting_after=" + cursor,
                "starting_after=" + all.get(24).get("id").asString())) {
            Http.Response asOperator = adminEvents(sellerId, query);
            page(asOperator);
            assertThat(asOperator.body()).as(query).isEqualTo(events(key, query).body());
        }
        assertEvents(list(page(adminEvents(sellerId, "limit=100")).get("data")), scenario.events(), sellerId);
    }

    @Test
    void the_operators_feed_checks_seller_cursor_and_limit() {
        var seller = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        createCustomer(other, Customers.withEmail(uniqueEmail()));
        String othersEvent = allEvents(other.apiKey()).getFirst().get("id").asString();

        assertError(adminEvents(UUID.randomUUID().toString(), ""), 404, "Not Found", "Seller not found");
        assertError(adminEvents("not-a-uuid", ""), 404, "Not Found", "Seller not found");
        assertBadRequest(adminEvents(seller.sellerId(), "starting_after=" + othersEvent), BAD_CURSOR);
        assertBadRequest(adminEvents(seller.sellerId(), "starting_after=abc"), BAD_CURSOR);
        assertBadRequest(adminEvents(seller.sellerId(), "limit=101"), "querystring/limit must be <= 100");
        assertBadRequest(adminEvents(seller.sellerId(), "limit=0"), "querystring/limit must be >= 1");
        assertBadRequest(adminEvents(seller.sellerId(), "limit=ten"), "querystring/limit must be integer");
        JsonNode empty = page(adminEvents(seller.sellerId(), ""));
        assertThat(empty.get("data").size()).isZero();
        assertThat(empty.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void the_operators_feed_requires_the_admin_token() {
        var seller = operator.sellerOn("free");
        String path = "/admin/sellers/" + seller.sellerId() + "/events";

        assertError(http.get(path).send(), 401, "Unauthorized", "Invalid admin token");
        assertError(http.get(path).bearer("wrong-token").send(), 401, "Unauthorized", "Invalid admin token");
        assertError(http.get(path).bearer(seller.apiKey()).send(), 401, "Unauthorized", "Invalid admin token");
        assertError(http.get(path).apiKey(seller.apiKey()).send(), 401, "Unauthorized", "Invalid admin token");
        assertError(http.get("/admin/sellers/" + UUID.randomUUID() + "/events").send(), 401, "Unauthorized",
                "Invalid admin token");
    }

    @Test
    void feed_history_and_event_store_name_each_event_by_the_same_id() throws Exception {
        Scenario scenario = twentyFiveEvents();
        String sellerId = scenario.seller().sellerId();
        List<JsonNode> feed = allEvents(scenario.seller().apiKey());
        assertThat(feed).hasSize(25);

        // Each customer's history is its part of the feed: same ids, same order, same types and instants.
        Map<String, List<JsonNode>> byCustomer = new LinkedHashMap<>();
        feed.forEach(event -> byCustomer.computeIfAbsent(event.get("data").get("customer").get("id").asString(),
                id -> new ArrayList<>()).add(event));
        assertThat(byCustomer).hasSize(10);
        byCustomer.forEach((customerId, events) -> {
            JsonNode history = historyEntries(scenario.seller(), customerId);
            assertThat(ids(history)).as("history of %s", customerId).isEqualTo(ids(events));
            for (int i = 0; i < events.size(); i++) {
                assertThat(history.get(i).get("type").asString()).isEqualTo(events.get(i).get("type").asString());
                assertThat(history.get(i).get("created_at").asString())
                        .isEqualTo(events.get(i).get("created_at").asString());
            }
        });

        // They are the ids of the events in the store.
        List<String> stored = jdbc.sql("SELECT event_identifier FROM domain_event_entry"
                        + " WHERE aggregate_identifier = :seller")
                .param("seller", sellerId)
                .query(String.class).list();
        for (JsonNode event : feed) {
            String uuid = uuidOf(event.get("id").asString());
            assertThat(uuid).matches(LOWER_CASE_UUID);
            assertThat(stored).as("event store of seller %s", sellerId).contains(uuid);
        }
    }
}
