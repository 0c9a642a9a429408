package com.virtualoffice.registration.lifecycle;

import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertCustomerShape;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.Pages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/api/openapi.yaml, listCustomers; docs/api.md, "Lists and pagination". */
class ListCustomersTest extends LifecycleSupport {

    /** Creates customers one after the other; returns their ids oldest first. */
    private List<String> createMany(SellerWithKey seller, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(createCustomerWithEmail(seller, uniqueEmail()));
        }
        return ids;
    }

    private static List<String> newestFirst(List<String> oldestFirst) {
        return new ArrayList<>(oldestFirst).reversed();
    }

    private String customer(String firstName, String lastName, String email, String companyName) {
        return """
                {"first_name": "%s", "last_name": "%s", "email": "%s", "company_name": %s}
                """.formatted(firstName, lastName, email, companyName == null ? "null" : "\"" + companyName + "\"");
    }

    @Test
    void given_customers_when_listing_then_data_then_has_more_newest_first_as_whole_customer_objects() {
        var seller = operator.sellerOn("starter");
        List<String> ids = createMany(seller, 3);

        Http.Response page = list(seller, "");

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = page.json();
        assertThat(propertyNames(json)).containsExactly("data", "has_more");
        assertThat(json.get("has_more").isBoolean()).isTrue();
        assertThat(json.get("has_more").asBoolean()).isFalse();
        assertThat(ids(json.get("data"))).containsExactlyElementsOf(newestFirst(ids));
        for (JsonNode customer : json.get("data")) {
            assertCustomerShape(customer);
            assertThat(customer).isEqualTo(read(seller, customer.get("id").asString()).json());
        }
    }

    @Test
    void given_a_new_seller_when_listing_then_an_empty_page() {
        var seller = operator.sellerOn("free");

        Http.Response page = list(seller, "");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("data").isArray()).isTrue();
        assertThat(page.json().get("data").isEmpty()).isTrue();
        assertThat(page.json().get("has_more").asBoolean()).isFalse();
    }

    @Test
    void given_45_customers_when_paging_with_limit_20_then_pages_of_20_20_5_without_duplicates_or_gaps() {
        var seller = operator.sellerOn("starter");
        List<String> ids = createMany(seller, 45);

        Pages pages = Pages.of(query -> list(seller, query), "limit=20", 3);

        assertThat(pages.sizes()).containsExactly(20, 20, 5);
        assertThat(pages.hasMore()).containsExactly(true, true, false);
        assertThat(new HashSet<>(pages.ids())).hasSize(45);
        assertThat(pages.ids()).containsExactlyElementsOf(newestFirst(ids));
    }

    @Test
    void given_25_customers_when_listing_without_limit_then_the_default_page_holds_20() {
        var seller = operator.sellerOn("starter");
        List<String> ids = createMany(seller, 25);

        Http.Response page = list(seller, "");

        assertThat(ids(page.json().get("data"))).containsExactlyElementsOf(newestFirst(ids).subList(0, 20));
        assertThat(page.json().get("has_more").asBoolean()).isTrue();
    }

    @Test
    void given_customers_when_listing_with_the_limits_extremes_then_1_and_100_are_accepted() {
        var seller = operator.sellerOn("starter");
        List<String> ids = createMany(seller, 3);

        Http.Response one = list(seller, "limit=1");
        assertThat(ids(one.json().get("data"))).containsExactly(ids.getLast());
        assertThat(one.json().get("has_more").asBoolean()).isTrue();

        Http.Response hundred = list(seller, "limit=100");
        assertThat(ids(hundred.json().get("data"))).containsExactlyElementsOf(newestFirst(ids));
        assertThat(hundred.json().get("has_more").asBoolean()).isFalse();

        Http.Response exact = list(seller, "limit=3");
        assertThat(ids(exact.json().get("data"))).hasSize(3);
        assertThat(exact.json().get("has_more").asBoolean()).isFalse();
    }

    @Test
    void given_a_cursor_naming_a_deleted_customer_when_listing_then_the_page_continues_after_its_place() {
        var seller = operator.sellerOn("starter");
        List<String> ids = createMany(seller, 5);
        assertThat(delete(seller, ids.get(2)).status()).isEqualTo(204);

        Http.Response page = list(seller, "starting_after=" + ids.get(2));

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(ids(page.json().get("data"))).containsExactly(ids.get(1), ids.get(0));
        assertThat(page.json().get("has_more").asBoolean()).isFalse();
    }

    @Test
    void given_a_customer_deleted_between_pages_when_paging_on_then_no_customer_is_skipped() {
        var seller = operator.sellerOn("starter");
        List<String> ids = newestFirst(createMany(seller, 6));
        List<String> first = listIds(seller, "limit=3");
        assertThat(first).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(delete(seller, first.getLast()).status()).isEqualTo(204);

        List<String> second = listIds(seller, "limit=3&starting_after=" + first.getLast());

        assertThat(second).containsExactlyElementsOf(ids.subList(3, 6));
    }

    @Test
    void given_deleted_customers_when_listing_then_they_are_not_listed() {
        var seller = operator.sellerOn("starter");
        String email = uniqueEmail();
        List<String> ids = createMany(seller, 3);
        String deleted = createCustomerWithEmail(seller, email);
        assertThat(delete(seller, deleted).status()).isEqualTo(204);

        assertThat(listIds(seller, "")).containsExactlyElementsOf(newestFirst(ids));
        assertThat(listIds(seller, "email=" + encode(email))).isEmpty();
        assertThat(listIds(seller, "q=" + encode(email))).isEmpty();
    }

    @Test
    void given_two_sellers_when_each_lists_then_each_sees_only_its_own_customers() {
        var one = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        String shared = uniqueEmail();
        String mine = createCustomerWithEmail(one, shared);
        String theirs = createCustomerWithEmail(other, shared);

        assertThat(listIds(one, "")).containsExactly(mine);
        assertThat(listIds(other, "")).containsExactly(theirs);
        assertThat(listIds(one, "email=" + encode(shared))).containsExactly(mine);
        assertThat(listIds(one, "q=Ada")).containsExactly(mine);
    }

    @Test
    void given_customers_of_each_status_when_filtering_by_status_then_only_that_status_is_listed() {
        var seller = operator.sellerOn("free");
        String active = createCustomerWithEmail(seller, uniqueEmail());
        String inactive = createCustomer(seller, """
                {"first_name": "Ada", "last_name": "Lovelace", "email": "%s", "status": "inactive"}
                """.formatted(uniqueEmail())).get("id").asString();
        String suspended = createCustomerWithEmail(seller, uniqueEmail());
        assertThat(patch(seller, suspended, "{\"status\": \"suspended\"}").status()).isEqualTo(200);

        assertThat(listIds(seller, "status=active")).containsExactly(active);
        assertThat(listIds(seller, "status=inactive")).containsExactly(inactive);
        assertThat(listIds(seller, "status=suspended")).containsExactly(suspended);
    }

    @Test
    void given_similar_emails_when_filtering_by_email_then_only_the_exact_address_ignoring_case_is_listed() {
        var seller = operator.sellerOn("free");
        String base = uniqueEmail();
        String exact = createCustomerWithEmail(seller, "Mixed." + base);
        createCustomerWithEmail(seller, "x" + "mixed." + base);
        createCustomerWithEmail(seller, "mixed." + base + ".org");

        assertThat(listIds(seller, "email=" + encode("mixed." + base))).containsExactly(exact);
        assertThat(listIds(seller, "email=" + encode(("MIXED." + base).toUpperCase()))).containsExactly(exact);
        assertThat(listIds(seller, "email=" + encode("Mixed." + base))).containsExactly(exact);
        assertThat(listIds(seller, "email=" + encode("mixed"))).isEmpty();
    }

    @Test
    void given_customers_when_searching_with_q_then_substrings_of_names_email_and_company_match_ignoring_case() {
        var seller = operator.sellerOn("free");
        String byFirst = createCustomer(seller, customer("Zebedee", "Smith", uniqueEmail(), null)).get("id").asString();
        String byLast = createCustomer(seller, customer("Anna", "Quixotic", uniqueEmail(), null)).get("id").asString();
        String byEmail = createCustomer(seller, customer("Bob", "Jones", "walrus-" + uniqueEmail(), null))
                .get("id").asString();
        String byCompany = createCustomer(seller, customer("Cleo", "Brown", uniqueEmail(), "Yodelling Supplies"))
                .get("id").asString();

        assertThat(listIds(seller, "q=ebed")).containsExactly(byFirst);
        assertThat(listIds(seller, "q=ZEBEDEE")).containsExactly(byFirst);
        assertThat(listIds(seller, "q=uixot")).containsExactly(byLast);
        assertThat(listIds(seller, "q=WALRUS")).containsExactly(byEmail);
        assertThat(listIds(seller, "q=yodel")).containsExactly(byCompany);
        assertThat(listIds(seller, "q=" + encode("elling sup"))).containsExactly(byCompany);
        assertThat(listIds(seller, "q=nobody-has-this")).isEmpty();
        assertThat(listIds(seller, "q=" + encode("example.com")))
                .containsExactlyInAnyOrder(byFirst, byLast, byEmail, byCompany);
    }

    @Test
    void given_percent_underscore_and_backslash_in_q_when_searching_then_they_match_literally() {
        var seller = operator.sellerOn("free");
        String percent = createCustomer(seller, customer("Ada", "Lovelace", uniqueEmail(), "100% Organic"))
                .get("id").asString();
        String underscore = createCustomer(seller, customer("Ada", "Lovelace", uniqueEmail(), "snake_case Ltd"))
                .get("id").asString();
        String backslash = createCustomer(seller, customer("Ada", "Lovelace", uniqueEmail(), "Back\\\\slash Inc"))
                .get("id").asString();
        createCustomer(seller, customer("Ada", "Lovelace", uniqueEmail(), "Plain Company"));
        createCustomer(seller, customer("Ada", "Lovelace", uniqueEmail(), null));

        assertThat(listIds(seller, "q=" + encode("%"))).containsExactly(percent);
        assertThat(listIds(seller, "q=" + encode("0% O"))).containsExactly(percent);
        assertThat(listIds(seller, "q=" + encode("_"))).containsExactly(underscore);
        assertThat(listIds(seller, "q=" + encode("e_c"))).containsExactly(underscore);
        assertThat(listIds(seller, "q=" + encode("k\\s"))).containsExactly(backslash);
        assertThat(listIds(seller, "q=" + encode("\\"))).containsExactly(backslash);
        assertThat(listIds(seller, "q=" + encode("%%"))).isEmpty();
        assertThat(listIds(seller, "q=" + encode("a_e"))).isEmpty();
    }

    @Test
    void given_filters_and_a_cursor_when_combined_then_they_apply_together() {
        var seller = operator.sellerOn("starter");
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            matching.add(createCustomer(seller, """
                    {"first_name": "Findme", "last_name": "L", "email": "%s", "status": "inactive"}
                    """.formatted(uniqueEmail())).get("id").asString());
            createCustomer(seller, """
                    {"first_name": "Findme", "last_name": "L", "email": "%s"}
                    """.formatted(uniqueEmail()));
        }
        List<String> expected = newestFirst(matching);

        List<String> first = listIds(seller, "status=inactive&q=findme&limit=2");
        List<String> second = listIds(seller, "status=inactive&q=findme&limit=2&starting_after=" + first.getLast());

        assertThat(first).containsExactlyElementsOf(expected.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(expected.subList(2, 4));
    }

    @Test
    void given_bad_query_values_when_listing_then_400_in_the_validation_grammar() {
        var seller = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        String othersCustomer = createCustomerWithEmail(other, uniqueEmail());
        createCustomerWithEmail(seller, uniqueEmail());

        assertBadRequest(list(seller, "limit=101"), "querystring/limit must be <= 100");
        assertBadRequest(list(seller, "limit=1000000000000000000000"), "querystring/limit must be <= 100");
        assertBadRequest(list(seller, "limit=0"), "querystring/limit must be >= 1");
        assertBadRequest(list(seller, "limit=-1"), "querystring/limit must be >= 1");
        assertBadRequest(list(seller, "limit=abc"), "querystring/limit must be integer");
        assertBadRequest(list(seller, "limit=1.5"), "querystring/limit must be integer");
        assertBadRequest(list(seller, "status=deleted"),
                "querystring/status must be equal to one of the allowed values");
        assertBadRequest(list(seller, "status=ACTIVE"),
                "querystring/status must be equal to one of the allowed values");
        assertBadRequest(list(seller, "starting_after=not-a-uuid"),
                "querystring/starting_after must match format \"uuid\"");
        assertBadRequest(list(seller, "starting_after=" + UUID.randomUUID()),
                "querystring/starting_after must be the id of one of your customers");
        assertBadRequest(list(seller, "starting_after=" + othersCustomer),
                "querystring/starting_after must be the id of one of your customers");
    }

    @Test
    void given_no_api_key_when_listing_then_401() {
        Http.Response page = http.get("/api/customers").send();

        assertError(page, 401, "Unauthorized",
                "API key is required. Provide it via X-API-Key header or Authorization Bearer token.");
    }
}
