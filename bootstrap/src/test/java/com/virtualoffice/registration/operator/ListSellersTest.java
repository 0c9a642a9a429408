package com.virtualoffice.registration.operator;

import static com.virtualoffice.registration.support.Contract.SELLER_FIELDS;
import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertUnauthorized;
import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Pages;
import com.virtualoffice.registration.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /admin/sellers}: the operator's seller list, paged and filtered like the customer list. */
class ListSellersTest extends OperatorTestSupport {

    /** A name no other test uses, so that a search for it finds only this test's sellers. */
    private static String uniqueName(String label) {
        return label + " " + UUID.randomUUID();
    }

    private String register(String name, String plan) {
        Http.Response seller = registerSeller("{\"name\": \"%s\", \"plan\": \"%s\"}".formatted(name, plan));
        assertStatus(seller, 201);
        return seller.field("id");
    }

    private Http.Response list(String query) {
        return http.get("/admin/sellers" + (query.isEmpty() ? "" : "?" + query)).bearer(ADMIN_TOKEN).send();
    }

    private List<String> listIds(String query) {
        Http.Response page = list(query);
        assertStatus(page, 200);
        return ids(page.json().get("data"));
    }

    /** Sellers named {@code <tag> i}, registered one after the other; their ids oldest first. */
    private List<String> registerMany(String tag, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(register(tag + " " + i, "free"));
        }
        return ids;
    }

    private static List<String> newestFirst(List<String> oldestFirst) {
        return new ArrayList<>(oldestFirst).reversed();
    }

    @Test
    void given_sellers_when_listing_then_data_then_has_more_newest_first_as_whole_seller_objects() {
        String tag = uniqueName("Listed");
        List<String> ids = registerMany(tag, 3);

        Http.Response page = list("q=" + encode(tag));

        assertStatus(page, 200);
        assertThat(page.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(propertyNames(page.json())).containsExactly("data", "has_more");
        assertThat(page.json().get("has_more").asBoolean()).isFalse();
        assertThat(ids(page.json().get("data"))).containsExactlyElementsOf(newestFirst(ids));
        for (JsonNode seller : page.json().get("data")) {
            assertThat(propertyNames(seller)).containsExactlyElementsOf(SELLER_FIELDS);
            assertThat(seller).isEqualTo(getSeller(seller.get("id").asString()).json());
        }
    }

    @Test
    void given_no_query_when_listing_then_the_newest_sellers_come_first_twenty_to_a_page() {
        List<String> ids = registerMany(uniqueName("Newest"), 21);

        Http.Response page = list("");

        assertStatus(page, 200);
        assertThat(ids(page.json().get("data"))).containsExactlyElementsOf(newestFirst(ids).subList(0, 20));
        assertThat(page.json().get("has_more").asBoolean()).isTrue();
    }

    @Test
    void given_45_sellers_when_paging_with_limit_20_then_pages_of_20_20_5_without_duplicates_or_gaps() {
        String tag = uniqueName("Paged");
        List<String> ids = registerMany(tag, 45);

        Pages pages = Pages.of(this::list, "q=" + encode(tag) + "&limit=20", 3);

        assertThat(pages.sizes()).containsExactly(20, 20, 5);
        assertThat(pages.hasMore()).containsExactly(true, true, false);
        assertThat(new HashSet<>(pages.ids())).hasSize(45);
        assertThat(pages.ids()).containsExactlyElementsOf(newestFirst(ids));
    }

    @Test
    void given_sellers_when_listing_with_the_limits_extremes_then_1_and_100_are_accepted() {
        String tag = uniqueName("Extremes");
        List<String> ids = registerMany(tag, 3);

        Http.Response one = list("q=" + encode(tag) + "&limit=1");
        assertThat(ids(one.json().get("data"))).containsExactly(ids.getLast());
        assertThat(one.json().get("has_more").asBoolean()).isTrue();

        Http.Response hundred = list("q=" + encode(tag) + "&limit=100");
        assertThat(ids(hundred.json().get("data"))).containsExactlyElementsOf(newestFirst(ids));
        assertThat(hundred.json().get("has_more").asBoolean()).isFalse();
    }

    @Test
    void given_names_when_searching_with_q_then_substrings_match_ignoring_case_and_literally() {
        String tag = UUID.randomUUID().toString();
        String acme = register("Acme Widgets " + tag, "free");
        String percent = register("100% Organic " + tag, "free");
        String underscore = register("snake_case Ltd " + tag, "free");
        register("Plain Company " + tag, "free");

        assertThat(listIds("q=" + encode("ACME widgets " + tag))).containsExactly(acme);
        assertThat(listIds("q=" + encode("me wid") + "&limit=100")).contains(acme);
        assertThat(listIds("q=" + encode("0% O" + "rganic " + tag))).containsExactly(percent);
        assertThat(listIds("q=" + encode("e_c" + "ase Ltd " + tag))).containsExactly(underscore);
        assertThat(listIds("q=" + encode("% Organic " + tag))).containsExactly(percent);
        assertThat(listIds("q=" + encode("_ " + tag))).isEmpty();
        assertThat(listIds("q=" + encode(tag))).hasSize(4);
        assertThat(listIds("q=" + encode("nobody is called this " + tag))).isEmpty();
    }

    @Test
    void given_sellers_on_several_plans_when_filtering_by_plan_then_only_that_plans_sellers_are_listed() {
        String tag = uniqueName("Planned");
        String free = register(tag, "free");
        String business = register(tag, "business");
        String enterprise = register(tag, "enterprise");

        assertThat(listIds("q=" + encode(tag) + "&plan=free")).containsExactly(free);
        assertThat(listIds("q=" + encode(tag) + "&plan=business")).containsExactly(business);
        assertThat(listIds("q=" + encode(tag) + "&plan=enterprise")).containsExactly(enterprise);
        assertThat(listIds("q=" + encode(tag) + "&plan=starter")).isEmpty();
        assertThat(patchSeller(free, "{\"plan\": \"starter\"}").status()).isEqualTo(200);
        assertThat(listIds("q=" + encode(tag) + "&plan=starter")).containsExactly(free);
    }

    @Test
    void given_filters_and_a_cursor_when_combined_then_they_apply_together() {
        String tag = uniqueName("Combined");
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            matching.add(register(tag, "starter"));
            register(tag, "free");
        }
        List<String> expected = newestFirst(matching);

        List<String> first = listIds("plan=starter&q=" + encode(tag) + "&limit=2");
        List<String> second = listIds("plan=starter&q=" + encode(tag) + "&limit=2&starting_after=" + first.getLast());

        assertThat(first).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(expected.subList(2, 4));
    }

    @Test
    void given_customers_and_keys_when_listing_then_each_seller_shows_its_usage_and_keys_in_use() throws Exception {
        String tag = uniqueName("Usage");
        var seller = operator.sellerOn("free");
        assertStatus(patchSeller(seller.sellerId(), "{\"plan\": \"starter\"}"), 200);
        for (int i = 0; i < 3; i++) {
            assertStatus(createCustomer(seller.apiKey()), 201);
        }
        String revoked = issueKey(seller.sellerId(), "{\"name\": \"old\"}").field("id");
        assertStatus(revokeKey(revoked), 200);
        // Ahead by more than the requests below could take on a busy machine.
        Instant expiry = TestClock.now().plusSeconds(10);
        assertStatus(issueKey(seller.sellerId(), "{\"name\": \"short\", \"expires_at\": \"" + expiry + "\"}"), 201);
        String unlimited = register(tag, "enterprise");

        JsonNode shown = getSeller(seller.sellerId()).json();
        assertThat(shown.get("customer_count").asInt()).isEqualTo(3);
        assertThat(shown.get("customer_limit").asInt()).isEqualTo(100);
        assertThat(shown.get("active_api_keys").asInt()).as("the first key and the short one").isEqualTo(2);
        assertThat(shown.get("failing_webhook_deliveries").asInt()).isZero();
        assertThat(shown.get("dead_webhook_deliveries").asInt()).isZero();
        JsonNode enterprise = getSeller(unlimited).json();
        assertThat(enterprise.get("customer_limit").isNull()).isTrue();
        assertThat(enterprise.get("active_api_keys").asInt()).isZero();

        TestClock.advance(Duration.between(TestClock.now(), expiry).plusMillis(1));
        assertThat(getSeller(seller.sellerId()).json().get("active_api_keys").asInt())
                .as("the short key no longer counts once it expired").isEqualTo(1);
    }

    @Test
    void given_bad_query_values_when_listing_then_400_in_the_validation_grammar() {
        assertBadRequest(list("limit=101"), "querystring/limit must be <= 100");
        assertBadRequest(list("limit=0"), "querystring/limit must be >= 1");
        assertBadRequest(list("limit=abc"), "querystring/limit must be integer");
        assertBadRequest(list("limit=1&limit=2"), "querystring/limit must be integer");
        assertBadRequest(list("plan=gold"), "querystring/plan must be equal to one of the allowed values");
        assertBadRequest(list("plan=FREE"), "querystring/plan must be equal to one of the allowed values");
        assertBadRequest(list("q=" + "x".repeat(201)), "querystring/q must NOT have more than 200 characters");
        assertBadRequest(list("starting_after=not-a-uuid"), "querystring/starting_after must match format \"uuid\"");
        assertBadRequest(list("starting_after=" + UUID.randomUUID()),
                "querystring/starting_after must be the id of a seller");
    }

    @Test
    void given_no_admin_token_or_a_sellers_key_when_listing_then_401() {
        var seller = operator.sellerOn("free");

        assertUnauthorized(http.get("/admin/sellers").send(), "Invalid admin token");
        assertUnauthorized(http.get("/admin/sellers").bearer(seller.apiKey()).send(), "Invalid admin token");
        assertUnauthorized(http.get("/admin/plans").apiKey(seller.apiKey()).send(), "Invalid admin token");
    }

    @Test
    void when_listing_the_plans_then_each_configured_plan_with_its_limit_smallest_first_and_the_default_marked() {
        Http.Response plans = http.get("/admin/plans").bearer(ADMIN_TOKEN).send();

        assertStatus(plans, 200);
        assertThat(propertyNames(plans.json())).containsExactly("data");
        List<String> shown = new ArrayList<>();
        for (JsonNode plan : plans.json().get("data")) {
            assertThat(propertyNames(plan)).containsExactly("name", "customer_limit", "default");
            shown.add(plan.get("name").asString() + "=" + (plan.get("customer_limit").isNull() ? "unlimited"
                    : plan.get("customer_limit").asInt()) + (plan.get("default").asBoolean() ? " (default)" : ""));
        }
        assertThat(shown).containsExactly("free=10 (default)", "starter=100", "business=1000",
                "enterprise=unlimited");
    }
}
