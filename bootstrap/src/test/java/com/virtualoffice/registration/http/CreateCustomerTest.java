package com.virtualoffice.registration.http;

import static com.virtualoffice.registration.support.Contract.CUSTOMER_FIELDS;
import static com.virtualoffice.registration.support.Contract.LOWER_CASE_UUID;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertCreated;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/api/openapi.yaml: createCustomer, getCustomer and the Customer schema. */
class CreateCustomerTest extends ServiceTest {

    private Http.Response create(SellerWithKey seller, String json) {
        return http.post("/api/customers").apiKey(seller.apiKey()).json(json).send();
    }

    private Http.Response read(SellerWithKey seller, String id) {
        return http.get("/api/customers/" + id).apiKey(seller.apiKey()).send();
    }

    private Http.Response admin(String sellerId) {
        return http.get("/admin/sellers/" + sellerId).bearer(ADMIN_TOKEN).send();
    }

    @Test
    void given_all_fields_when_creating_then_201_with_every_field_as_sent() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        var created = create(seller, Customers.withEveryField(email));

        assertCreated(created);
        JsonNode json = created.json();
        assertThat(json.get("first_name").asString()).isEqualTo("Jürgen");
        assertThat(json.get("last_name").asString()).isEqualTo("Łukasiewicz");
        assertThat(json.get("email").asString()).isEqualTo(email);
        assertThat(json.get("company_name").asString()).isEqualTo("Müller & Söhne");
        assertThat(json.get("legal_entity").asString()).isEqualTo("GmbH");
        assertThat(json.get("language").asString()).isEqualTo("en");
        assertThat(json.get("status").asString()).isEqualTo("suspended");
        assertThat(json.get("source").asString()).isEqualTo("api");
        assertThat(json.get("seller_id").asString()).isEqualTo(seller.sellerId());
        JsonNode address = json.get("address_data");
        assertThat(propertyNames(address)).containsExactly("street", "city", "postal_code", "country");
        assertThat(address.get("street").asString()).isEqualTo("Hauptstraße 1");
        assertThat(address.get("city").asString()).isEqualTo("Berlin");
        assertThat(address.get("postal_code").asString()).isEqualTo("10115");
        assertThat(address.get("country").asString()).isEqualTo("DE");
        JsonNode redirect = json.get("postal_redirect_address");
        assertThat(propertyNames(redirect)).containsExactly("street", "city", "postal_code", "country");
        assertThat(redirect.get("street").asString()).isEqualTo("1 Main St");
        assertThat(redirect.get("city").asString()).isEqualTo("Springfield");
        assertThat(redirect.get("postal_code").asString()).isEqualTo("12345");
        assertThat(redirect.get("country").asString()).isEqualTo("US");
    }

    @Test
    void given_all_fields_when_creating_then_the_fields_are_serialised_in_contract_order() {
        var seller = operator.sellerOn("free");
        var created = create(seller, Customers.withEveryField(uniqueEmail()));

        assertCreated(created);
        assertThat(propertyNames(created.json())).containsExactlyElementsOf(CUSTOMER_FIELDS);
        // The same order is in the text itself.
        String body = created.body();
        int previous = -1;
        for (String field : CUSTOMER_FIELDS) {
            int at = body.indexOf("\"" + field + "\":");
            assertThat(at).as("position of %s in %s", field, body).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void given_only_required_fields_when_creating_then_absent_optionals_are_null_not_omitted_in_contract_order() {
        var seller = operator.sellerOn("free");
        var created = create(seller, Customers.withEmail(uniqueEmail()));

        assertCreated(created);
        JsonNode json = created.json();
        assertThat(propertyNames(json)).containsExactlyElementsOf(CUSTOMER_FIELDS);
        for (String optional : new String[] {"company_name", "legal_entity", "address_data",
                "postal_redirect_address"}) {
            assertThat(json.has(optional)).as(optional).isTrue();
            assertThat(json.get(optional).isNull()).as(optional).isTrue();
        }
        var read = read(seller, created.field("id"));
        assertThat(propertyNames(read.json())).containsExactlyElementsOf(CUSTOMER_FIELDS);
        assertThat(read.json().get("company_name").isNull()).isTrue();
    }

    @Test
    void given_no_language_status_when_creating_then_defaults_de_active_and_source_api() {
        var seller = operator.sellerOn("free");
        var created = create(seller, Customers.withEmail(uniqueEmail()));

        assertCreated(created);
        assertThat(created.field("language")).isEqualTo("de");
        assertThat(created.field("status")).isEqualTo("active");
        assertThat(created.field("source")).isEqualTo("api");
    }

    @Test
    void given_each_allowed_language_and_status_when_creating_then_they_are_kept() {
        var seller = operator.sellerOn("free");
        String[][] cases = {{"en", "active"}, {"de", "inactive"}, {"en", "suspended"}};
        for (String[] c : cases) {
            var created = create(seller, """
                    {"first_name":"A","last_name":"B","email":"%s","language":"%s","status":"%s"}
                    """.formatted(uniqueEmail(), c[0], c[1]));
            assertCreated(created);
            assertThat(created.field("language")).isEqualTo(c[0]);
            assertThat(created.field("status")).isEqualTo(c[1]);
            assertThat(created.field("source")).isEqualTo("api");
        }
    }

    @Test
    void given_a_new_customer_when_created_then_timestamps_are_equal_iso_utc_with_millis() {
        var seller = operator.sellerOn("free");
        var created = create(seller, Customers.withEmail(uniqueEmail()));

        assertCreated(created);
        assertThat(created.field("created_at")).matches(TIMESTAMP);
        assertThat(created.field("updated_at")).matches(TIMESTAMP);
        assertThat(created.field("created_at")).isEqualTo(created.field("updated_at"));
    }

    @Test
    void given_a_new_customer_when_created_then_id_and_seller_id_are_lower_case_uuids() {
        var seller = operator.sellerOn("free");
        var first = create(seller, Customers.withEmail(uniqueEmail()));
        var second = create(seller, Customers.withEmail(uniqueEmail()));

        assertCreated(first);
        assertCreated(second);
        assertThat(first.field("id")).matches(LOWER_CASE_UUID);
        assertThat(first.field("seller_id")).matches(LOWER_CASE_UUID).isEqualTo(seller.sellerId());
        assertThat(second.field("id")).matches(LOWER_CASE_UUID).isNotEqualTo(first.field("id"));
    }

    @Test
    void given_a_mixed_case_email_when_creating_then_it_is_stored_and_returned_as_sent() {
        var seller = operator.sellerOn("free");
        String email = "John.Doe-" + System.nanoTime() + "@Example.COM";
        var created = create(seller, Customers.withEmail(email));

        assertCreated(created);
        assertThat(created.field("email")).isEqualTo(email);
        assertThat(read(seller, created.field("id")).field("email")).isEqualTo(email);
    }

    @Test
    void given_address_parts_in_another_order_with_unknown_keys_when_creating_then_only_known_parts_in_contract_order() {
        var seller = operator.sellerOn("free");
        var created = create(seller, """
                {"first_name":"A","last_name":"B","email":"%s",
                 "address_data": {"country":"DE","extra":"x","city":"Berlin","floor":3},
                 "postal_redirect_address": {"postal_code":"10115","note":{"a":1},"street":"Weg 2"}}
                """.formatted(uniqueEmail()));

        assertCreated(created);
        JsonNode address = created.json().get("address_data");
        assertThat(propertyNames(address)).containsExactly("city", "country");
        assertThat(address.get("city").asString()).isEqualTo("Berlin");
        assertThat(address.get("country").asString()).isEqualTo("DE");
        JsonNode redirect = created.json().get("postal_redirect_address");
        assertThat(propertyNames(redirect)).containsExactly("street", "postal_code");
        assertThat(redirect.get("street").asString()).isEqualTo("Weg 2");
        assertThat(redirect.get("postal_code").asString()).isEqualTo("10115");

        var read = read(seller, created.field("id"));
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void given_an_address_of_one_part_when_creating_then_only_that_part_is_returned() {
        var seller = operator.sellerOn("free");
        var created = create(seller, """
                {"first_name":"A","last_name":"B","email":"%s","address_data":{"postal_code":"00000"}}
                """.formatted(uniqueEmail()));

        assertCreated(created);
        assertThat(propertyNames(created.json().get("address_data"))).containsExactly("postal_code");
        assertThat(created.json().get("address_data").get("postal_code").asString()).isEqualTo("00000");
    }

    @Test
    void given_empty_address_objects_when_creating_then_they_are_stored_and_returned_as_empty_objects() {
        var seller = operator.sellerOn("free");
        var created = create(seller, """
                {"first_name":"A","last_name":"B","email":"%s","address_data":{},"postal_redirect_address":{}}
                """.formatted(uniqueEmail()));

        assertCreated(created);
        for (var response : new Http.Response[] {created, read(seller, created.field("id"))}) {
            JsonNode json = response.json();
            assertThat(json.get("address_data").isObject()).as(response.body()).isTrue();
            assertThat(json.get("address_data").isEmpty()).as(response.body()).isTrue();
            assertThat(json.get("postal_redirect_address").isObject()).as(response.body()).isTrue();
            assertThat(json.get("postal_redirect_address").isEmpty()).as(response.body()).isTrue();
            assertThat(response.body()).contains("\"address_data\":{}", "\"postal_redirect_address\":{}");
        }
    }

    @Test
    void given_an_address_of_only_unknown_keys_when_creating_then_it_is_returned_as_an_empty_object() {
        var seller = operator.sellerOn("free");
        var created = create(seller, """
                {"first_name":"A","last_name":"B","email":"%s","address_data":{"planet":"Mars"}}
                """.formatted(uniqueEmail()));

        assertCreated(created);
        assertThat(created.json().get("address_data").isObject()).isTrue();
        assertThat(created.json().get("address_data").isEmpty()).isTrue();
    }

    @Test
    void given_unknown_top_level_properties_when_creating_then_they_are_ignored_and_not_returned() {
        var seller = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        String foreignId = UUID.randomUUID().toString();
        var created = create(seller, """
                {"first_name":"A","last_name":"B","email":"%s",
                 "nickname":"Zed","tags":["x"],"nested":{"a":1},
                 "id":"%s","seller_id":"%s","source":"import",
                 "created_at":"2000-01-01T00:00:00.000Z","updated_at":"2000-01-01T00:00:00.000Z"}
                """.formatted(uniqueEmail(), foreignId, other.sellerId()));

        assertCreated(created);
        JsonNode json = created.json();
        assertThat(propertyNames(json)).containsExactlyElementsOf(CUSTOMER_FIELDS);
        assertThat(created.body()).doesNotContain("nickname", "Zed", "tags", "nested", "import", "2000-01-01");
        assertThat(json.get("id").asString()).isNotEqualTo(foreignId);
        assertThat(json.get("seller_id").asString()).isEqualTo(seller.sellerId());
        assertThat(json.get("source").asString()).isEqualTo("api");

        var read = read(seller, created.field("id"));
        assertThat(read.body()).isEqualTo(created.body());
        assertCustomerNotFound(read(seller, foreignId));
    }

    @Test
    void given_a_customer_just_created_when_reading_it_at_once_then_the_body_is_identical_every_time() {
        var seller = operator.sellerOn("starter");
        for (int i = 0; i < 20; i++) {
            String body = i % 2 == 0 ? Customers.withEveryField(uniqueEmail()) : Customers.withEmail(uniqueEmail());
            var created = create(seller, body);
            assertCreated(created);
            var read = read(seller, created.field("id"));
            assertThat(read.status()).as("iteration %d: %s", i, read.body()).isEqualTo(200);
            assertThat(read.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(read.body()).as("iteration %d", i).isEqualTo(created.body());
        }
    }

    @Test
    void given_an_unknown_customer_id_when_reading_then_404_customer_not_found() {
        var seller = operator.sellerOn("free");
        assertCustomerNotFound(read(seller, UUID.randomUUID().toString()));
    }

    @Test
    void given_a_non_uuid_id_when_reading_then_404_customer_not_found() {
        var seller = operator.sellerOn("free");
        assertCustomerNotFound(read(seller, "not-a-uuid"));
        assertCustomerNotFound(read(seller, "12345"));
        assertCustomerNotFound(read(seller, UUID.randomUUID() + "0"));
    }

    @Test
    void given_a_free_seller_with_10_customers_when_creating_the_11th_then_403_with_its_limit() {
        var seller = operator.sellerOn("free");
        for (int i = 0; i < 10; i++) {
            assertCreated(create(seller, Customers.withEmail(uniqueEmail())));
        }
        var refused = create(seller, Customers.withEmail(uniqueEmail()));
        assertError(refused, 403, "Forbidden", "Customer limit reached. Your plan allows 10 customers.");
        // It stays refused, and nothing was added.
        assertError(create(seller, Customers.withEveryField(uniqueEmail())), 403, "Forbidden",
                "Customer limit reached. Your plan allows 10 customers.");
        assertThat(admin(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(10);
    }

    @Test
    void given_a_starter_seller_with_100_customers_when_creating_the_101st_then_403_names_its_own_limit() {
        var seller = operator.sellerOn("starter");
        for (int i = 0; i < 100; i++) {
            assertCreated(create(seller, Customers.withEmail(uniqueEmail())));
        }
        assertError(create(seller, Customers.withEmail(uniqueEmail())), 403, "Forbidden",
                "Customer limit reached. Your plan allows 100 customers.");
    }

    @Test
    void given_a_full_seller_when_another_seller_creates_then_the_other_is_not_limited() {
        var full = operator.sellerOn("free");
        for (int i = 0; i < 10; i++) {
            assertCreated(create(full, Customers.withEmail(uniqueEmail())));
        }
        var other = operator.sellerOn("free");
        assertCreated(create(other, Customers.withEmail(uniqueEmail())));
    }

    @Test
    void given_a_full_seller_when_sending_an_invalid_body_then_400_validation_comes_first() {
        var seller = operator.sellerOn("free");
        for (int i = 0; i < 10; i++) {
            assertCreated(create(seller, Customers.withEmail(uniqueEmail())));
        }
        assertBadRequest(create(seller, "{\"first_name\":\"A\",\"last_name\":\"B\"}"),
                "body must have required property 'email'");
    }

    @Test
    void given_an_enterprise_seller_when_creating_beyond_every_other_plans_limit_then_all_are_created() {
        var seller = operator.sellerOn("enterprise");
        for (int i = 0; i < 101; i++) {
            assertCreated(create(seller, Customers.withEmail(uniqueEmail())));
        }
        var sellerView = admin(seller.sellerId()).json();
        assertThat(sellerView.get("customer_count").asInt()).isEqualTo(101);
        assertThat(sellerView.get("customer_limit").isNull()).isTrue();
    }

    @Test
    void given_an_existing_email_when_creating_with_the_same_email_then_409() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        assertCreated(create(seller, Customers.withEmail(email)));

        assertError(create(seller, Customers.withEveryField(email)), 409, "Conflict",
                "A customer with this email already exists");
    }

    @Test
    void given_an_existing_email_when_creating_with_it_in_another_letter_case_then_409_and_the_original_is_kept() {
        var seller = operator.sellerOn("free");
        String local = "John" + System.nanoTime();
        var original = create(seller, Customers.withEmail(local + "@Example.com"));
        assertCreated(original);

        assertError(create(seller, Customers.withEmail(local.toLowerCase() + "@example.com")), 409, "Conflict",
                "A customer with this email already exists");
        assertError(create(seller, Customers.withEmail(local.toUpperCase() + "@EXAMPLE.COM")), 409, "Conflict",
                "A customer with this email already exists");
        assertThat(read(seller, original.field("id")).body()).isEqualTo(original.body());
    }

    @Test
    void given_rejected_duplicates_when_filling_the_plan_then_they_did_not_count_against_the_limit() {
        var seller = operator.sellerOn("free");
        String duplicated = uniqueEmail();
        assertCreated(create(seller, Customers.withEmail(duplicated)));
        for (int i = 0; i < 5; i++) {
            assertError(create(seller, Customers.withEmail(duplicated.toUpperCase())), 409, "Conflict",
                    "A customer with this email already exists");
        }
        for (int i = 1; i < 10; i++) {
            assertCreated(create(seller, Customers.withEmail(uniqueEmail())));
        }
        assertThat(admin(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(10);
        assertError(create(seller, Customers.withEmail(uniqueEmail())), 403, "Forbidden",
                "Customer limit reached. Your plan allows 10 customers.");
    }

    @Test
    void given_rejected_invalid_bodies_when_filling_the_plan_then_they_did_not_count_against_the_limit() {
        var seller = operator.sellerOn("free");
        for (int i = 0; i < 5; i++) {
            assertBadRequest(create(seller, "{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"bad\"}"),
                    "body/email must match format \"email\"");
        }
        for (int i = 0; i < 10; i++) {
            assertCreated(create(seller, Customers.withEmail(uniqueEmail())));
        }
        assertError(create(seller, Customers.withEmail(uniqueEmail())), 403, "Forbidden",
                "Customer limit reached. Your plan allows 10 customers.");
    }

    @Test
    void given_an_email_of_one_seller_when_another_seller_creates_a_customer_with_it_then_201() {
        var first = operator.sellerOn("free");
        var second = operator.sellerOn("free");
        String email = uniqueEmail();
        var mine = create(first, Customers.withEmail(email));
        assertCreated(mine);

        var theirs = create(second, Customers.withEmail(email.toUpperCase()));
        assertCreated(theirs);
        assertThat(theirs.field("seller_id")).isEqualTo(second.sellerId());
        assertThat(theirs.field("id")).isNotEqualTo(mine.field("id"));
        assertThat(theirs.field("email")).isEqualTo(email.toUpperCase());
    }

    private List<Http.Response> concurrently(List<Callable<Http.Response>> calls) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Http.Response>> futures = pool.invokeAll(calls);
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }

    @Test
    void given_a_free_seller_when_20_creations_race_then_exactly_10_are_created_and_the_rest_get_403() throws Exception {
        var seller = operator.sellerOn("free");
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String email = uniqueEmail();
            calls.add(() -> create(seller, Customers.withEmail(email)));
        }
        List<Http.Response> responses = concurrently(calls);

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(10);
        responses.stream().filter(r -> r.status() != 201).forEach(r -> assertError(r, 403, "Forbidden",
                "Customer limit reached. Your plan allows 10 customers."));
        assertThat(admin(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(10);
        for (var created : responses.stream().filter(r -> r.status() == 201).toList()) {
            assertThat(read(seller, created.field("id")).body()).isEqualTo(created.body());
        }
    }

    @Test
    void given_one_email_sent_in_10_racing_creations_when_done_then_exactly_one_is_created_and_9_get_409()
            throws Exception {
        var seller = operator.sellerOn("free");
        String local = "race" + System.nanoTime();
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // The same address in varying letter case.
            String email = (i % 2 == 0 ? local : local.toUpperCase()) + "@Example.com";
            calls.add(() -> create(seller, Customers.withEmail(email)));
        }
        List<Http.Response> responses = concurrently(calls);

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        responses.stream().filter(r -> r.status() != 201).forEach(r -> assertError(r, 409, "Conflict",
                "A customer with this email already exists"));
        assertThat(admin(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(1);
    }
}
