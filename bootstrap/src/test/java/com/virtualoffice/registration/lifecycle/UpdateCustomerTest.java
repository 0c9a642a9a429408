package com.virtualoffice.registration.lifecycle;

import static com.virtualoffice.registration.support.Contract.CUSTOMER_FIELDS;
import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertCustomerShape;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.TestClock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docs/api/openapi.yaml, updateCustomer, and docs/api.md, "Validation"; the provenance of the events a PATCH causes. */
class UpdateCustomerTest extends LifecycleSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private JdbcClient jdbc;

    /** The customer as it was before, except the named fields, which must differ by exactly the given values. */
    private static void assertOnlyChanged(JsonNode before, JsonNode after, List<String> changedFields) {
        for (String field : CUSTOMER_FIELDS) {
            if (field.equals("updated_at") || changedFields.contains(field)) {
                continue;
            }
            assertThat(after.get(field)).as("unchanged field %s", field).isEqualTo(before.get(field));
        }
    }

    @Test
    void given_a_customer_when_patching_one_field_then_only_that_field_changes_and_updated_at_moves()
            throws Exception {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEveryField(uniqueEmail()));
        String id = before.get("id").asString();
        // The service's clock moves past the creation's millisecond: a refreshed updated_at is visibly later.
        TestClock.tick();

        Http.Response patched = patch(seller, id, "{\"first_name\": \"Grace\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode after = patched.json();
        assertCustomerShape(after);
        assertThat(after.get("first_name").asString()).isEqualTo("Grace");
        assertOnlyChanged(before, after, List.of("first_name"));
        assertThat(after.get("created_at").asString()).isEqualTo(before.get("created_at").asString());
        assertThat(Instant.parse(after.get("updated_at").asString()))
                .isAfter(Instant.parse(after.get("created_at").asString()));
        Http.Response reread = read(seller, id);
        assertThat(reread.status()).isEqualTo(200);
        assertThat(reread.json()).isEqualTo(after);
    }

    @Test
    void given_a_customer_when_patching_every_field_then_every_field_is_as_sent() throws Exception {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEmail(uniqueEmail()));
        String id = before.get("id").asString();
        String newEmail = uniqueEmail();
        // The service's clock moves past the creation's millisecond: a refreshed updated_at is visibly later.
        TestClock.tick();

        Http.Response patched = patch(seller, id, """
                {"postal_redirect_address": {"country": "AT", "city": "Wien"},
                 "status": "inactive", "language": "en",
                 "address_data": {"country": "DE", "street": "Unter den Linden 1", "ignored": "x"},
                 "legal_entity": "AG", "company_name": "Analytical Engines", "email": "%s",
                 "last_name": "Hopper", "first_name": "Grace", "unknown": 42}
                """.formatted(newEmail));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode after = patched.json();
        assertCustomerShape(after);
        assertThat(after.get("id").asString()).isEqualTo(id);
        assertThat(after.get("seller_id").asString()).isEqualTo(seller.sellerId());
        assertThat(after.get("first_name").asString()).isEqualTo("Grace");
        assertThat(after.get("last_name").asString()).isEqualTo("Hopper");
        assertThat(after.get("email").asString()).isEqualTo(newEmail);
        assertThat(after.get("company_name").asString()).isEqualTo("Analytical Engines");
        assertThat(after.get("legal_entity").asString()).isEqualTo("AG");
        assertThat(after.get("language").asString()).isEqualTo("en");
        assertThat(after.get("status").asString()).isEqualTo("inactive");
        assertThat(after.get("source").asString()).isEqualTo("api");
        assertThat(propertyNames(after.get("address_data"))).containsExactly("street", "country");
        assertThat(after.get("address_data").get("street").asString()).isEqualTo("Unter den Linden 1");
        assertThat(after.get("address_data").get("country").asString()).isEqualTo("DE");
        assertThat(propertyNames(after.get("postal_redirect_address"))).containsExactly("city", "country");
        assertThat(after.has("unknown")).isFalse();
        assertThat(after.get("created_at").asString()).isEqualTo(before.get("created_at").asString());
        assertThat(Instant.parse(after.get("updated_at").asString()))
                .isAfter(Instant.parse(after.get("created_at").asString()));
        assertThat(read(seller, id).json()).isEqualTo(after);
    }

    @Test
    void given_a_customer_with_an_address_when_patching_the_address_then_it_is_replaced_not_merged() {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEveryField(uniqueEmail()));
        String id = before.get("id").asString();

        Http.Response patched = patch(seller, id, "{\"address_data\": {\"city\": \"Hamburg\"}}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(propertyNames(patched.json().get("address_data"))).containsExactly("city");
        assertThat(patched.json().get("address_data").get("city").asString()).isEqualTo("Hamburg");
        assertThat(patched.json().get("postal_redirect_address")).isEqualTo(before.get("postal_redirect_address"));

        Http.Response emptied = patch(seller, id, "{\"postal_redirect_address\": {}}");
        assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
        assertThat(emptied.json().get("postal_redirect_address").isObject()).isTrue();
        assertThat(emptied.json().get("postal_redirect_address").isEmpty()).isTrue();
        assertThat(read(seller, id).json().get("postal_redirect_address").isEmpty()).isTrue();
    }

    @Test
    void given_a_customer_with_optional_fields_when_patching_them_with_null_then_they_are_cleared() {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEveryField(uniqueEmail()));
        String id = before.get("id").asString();

        Http.Response patched = patch(seller, id, """
                {"company_name": null, "legal_entity": null, "address_data": null, "postal_redirect_address": null}
                """);

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode after = patched.json();
        assertCustomerShape(after);
        for (String field : List.of("company_name", "legal_entity", "address_data", "postal_redirect_address")) {
            assertThat(after.get(field).isNull()).as("%s in %s", field, after).isTrue();
        }
        assertOnlyChanged(before, after,
                List.of("company_name", "legal_entity", "address_data", "postal_redirect_address"));
        assertThat(read(seller, id).json()).isEqualTo(after);
    }

    @Test
    void given_a_customer_when_patching_a_required_or_enum_field_with_null_then_400_type_error_and_nothing_changes() {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEveryField(uniqueEmail()));
        String id = before.get("id").asString();

        for (String field : List.of("first_name", "last_name", "email", "language", "status")) {
            assertBadRequest(patch(seller, id, "{\"" + field + "\": null}"), "body/" + field + " must be string");
        }
        assertThat(read(seller, id).json()).isEqualTo(before);
    }

    @Test
    void given_a_customer_when_patching_with_an_empty_object_then_400_fewer_than_1_properties() {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEmail(uniqueEmail()));
        String id = before.get("id").asString();

        assertBadRequest(patch(seller, id, "{}"), "body must NOT have fewer than 1 properties");
        assertBadRequest(patch(seller, id, " { } "), "body must NOT have fewer than 1 properties");
        assertThat(read(seller, id).json()).isEqualTo(before);
    }

    @Test
    void given_invalid_patch_bodies_when_patching_then_400_in_the_create_grammar_and_nothing_changes() {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEveryField(uniqueEmail()));
        String id = before.get("id").asString();
        String a101 = "a".repeat(101);

        assertBadRequest(patch(seller, id, "[]"), "body must be object");
        assertBadRequest(patch(seller, id, "\"x\""), "body must be object");
        assertBadRequest(patch(seller, id, "null"), "body must be object");
        assertBadRequest(patch(seller, id, "{\"first_name\": \"" + a101 + "\"}"),
                "body/first_name must NOT have more than 100 characters");
        assertBadRequest(patch(seller, id, "{\"last_name\": \"" + a101 + "\"}"),
                "body/last_name must NOT have more than 100 characters");
        assertBadRequest(patch(seller, id, "{\"company_name\": \"" + "c".repeat(201) + "\"}"),
                "body/company_name must NOT have more than 200 characters");
        assertBadRequest(patch(seller, id, "{\"legal_entity\": \"" + a101 + "\"}"),
                "body/legal_entity must NOT have more than 100 characters");
        assertBadRequest(patch(seller, id, "{\"first_name\": \"   \"}"),
                "body/first_name must NOT have fewer than 1 characters");
        assertBadRequest(patch(seller, id, "{\"first_name\": 5}"), "body/first_name must be string");
        assertBadRequest(patch(seller, id, "{\"last_name\": true}"), "body/last_name must be string");
        assertBadRequest(patch(seller, id, "{\"email\": \"not-an-email\"}"), "body/email must match format \"email\"");
        assertBadRequest(patch(seller, id, "{\"email\": \"a..b@example.com\"}"),
                "body/email must match format \"email\"");
        assertBadRequest(patch(seller, id, "{\"language\": \"fr\"}"),
                "body/language must be equal to one of the allowed values");
        assertBadRequest(patch(seller, id, "{\"language\": 1}"), "body/language must be string");
        assertBadRequest(patch(seller, id, "{\"status\": \"deleted\"}"),
                "body/status must be equal to one of the allowed values");
        assertBadRequest(patch(seller, id, "{\"address_data\": \"Berlin\"}"), "body/address_data must be object");
        assertBadRequest(patch(seller, id, "{\"address_data\": {\"city\": 5}}"),
                "body/address_data/city must be string");
        assertBadRequest(patch(seller, id, "{\"postal_redirect_address\": []}"),
                "body/postal_redirect_address must be object");
        // First error in the field list's order, not the request's.
        assertBadRequest(patch(seller, id, "{\"language\": \"fr\", \"email\": \"nope\", \"first_name\": 5}"),
                "body/first_name must be string");
        // A valid field does not slip through next to an invalid one.
        assertBadRequest(patch(seller, id, "{\"first_name\": \"Grace\", \"language\": \"fr\"}"),
                "body/language must be equal to one of the allowed values");

        assertThat(read(seller, id).json()).isEqualTo(before);
    }

    @Test
    void given_names_at_the_limit_in_code_points_when_patching_then_200() {
        var seller = operator.sellerOn("free");
        String id = createCustomerWithEmail(seller, uniqueEmail());
        String hundredEmoji = "😀".repeat(100);

        Http.Response patched = patch(seller, id, "{\"first_name\": \"" + hundredEmoji + "\", \"last_name\": \""
                + "b".repeat(100) + "\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("first_name").asString()).isEqualTo(hundredEmoji);
    }

    @Test
    void given_another_customer_holds_an_email_when_patching_to_it_in_any_case_then_409_and_nothing_changes() {
        var seller = operator.sellerOn("free");
        String taken = uniqueEmail();
        createCustomerWithEmail(seller, taken);
        JsonNode before = createCustomer(seller, Customers.withEmail(uniqueEmail()));
        String id = before.get("id").asString();

        assertEmailTaken(patch(seller, id, "{\"email\": \"" + taken + "\"}"));
        assertEmailTaken(patch(seller, id, "{\"email\": \"" + taken.toUpperCase() + "\"}"));
        assertEmailTaken(patch(seller, id, "{\"first_name\": \"Grace\", \"email\": \"" + taken + "\"}"));

        assertThat(read(seller, id).json()).isEqualTo(before);
    }

    @Test
    void given_a_customer_when_patching_its_own_email_to_another_letter_case_then_200_as_sent() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        String id = createCustomerWithEmail(seller, email);

        Http.Response same = patch(seller, id, "{\"email\": \"" + email + "\"}");
        assertThat(same.status()).as(same.body()).isEqualTo(200);

        Http.Response upper = patch(seller, id, "{\"email\": \"" + email.toUpperCase() + "\"}");
        assertThat(upper.status()).as(upper.body()).isEqualTo(200);
        assertThat(upper.json().get("email").asString()).isEqualTo(email.toUpperCase());
        assertThat(read(seller, id).json().get("email").asString()).isEqualTo(email.toUpperCase());
        // The email it held before is still its own, not free for anyone else.
        assertEmailTaken(create(seller, Customers.withEmail(email)));
    }

    @Test
    void given_a_customer_changed_its_email_when_another_takes_the_old_one_then_201() {
        var seller = operator.sellerOn("free");
        String old = uniqueEmail();
        String id = createCustomerWithEmail(seller, old);

        assertThat(patch(seller, id, "{\"email\": \"" + uniqueEmail() + "\"}").status()).isEqualTo(200);

        assertThat(create(seller, Customers.withEmail(old)).status()).isEqualTo(201);
    }

    @Test
    void given_an_email_taken_at_another_seller_when_patching_to_it_then_200() {
        var one = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        String email = uniqueEmail();
        createCustomerWithEmail(other, email);
        String id = createCustomerWithEmail(one, uniqueEmail());

        Http.Response patched = patch(one, id, "{\"email\": \"" + email + "\"}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    @Test
    void given_unknown_foreign_deleted_or_malformed_ids_when_patching_then_404_customer_not_found() {
        var owner = operator.sellerOn("free");
        var stranger = operator.sellerOn("free");
        JsonNode foreign = createCustomer(owner, Customers.withEmail(uniqueEmail()));
        String deleted = createCustomerWithEmail(stranger, uniqueEmail());
        assertThat(delete(stranger, deleted).status()).isEqualTo(204);
        String body = "{\"first_name\": \"Mallory\"}";

        assertCustomerNotFound(patch(stranger, UUID.randomUUID().toString(), body));
        assertCustomerNotFound(patch(stranger, foreign.get("id").asString(), body));
        assertCustomerNotFound(patch(stranger, deleted, body));
        assertCustomerNotFound(patch(stranger, "not-a-uuid", body));

        assertThat(read(owner, foreign.get("id").asString()).json()).isEqualTo(foreign);
    }

    @Test
    void given_a_patch_with_an_x_request_id_when_it_succeeds_then_its_event_records_the_request_and_the_api_key() {
        var seller = operator.sellerOn("free");
        String id = createCustomerWithEmail(seller, uniqueEmail());

        Http.Response patched = http.request("PATCH", "/api/customers/" + id).apiKey(seller.apiKey())
                .header("X-Request-Id", "req-patch-1").json("{\"last_name\": \"Byron\"}").send();

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        LatestEvent latest = latestEvent(seller.sellerId());
        assertThat(latest.payloadType()).endsWith("CustomerUpdated");
        JsonNode metaData = JSON.readTree(latest.metaData());
        assertThat(metaData.get("request_id").asString()).isEqualTo(patched.header("X-Request-Id").orElseThrow());
        assertThat(metaData.get("client_request_id").asString()).isEqualTo("req-patch-1");
        assertThat(metaData.get("api_key_id").asString()).isEqualTo(seller.apiKeyId());
        assertThat(metaData.get("actor_type").asString()).isEqualTo("api_key");
    }

    @Test
    void given_a_delete_with_an_x_request_id_when_it_succeeds_then_its_event_records_the_request_and_the_api_key() {
        var seller = operator.sellerOn("free");
        String id = createCustomerWithEmail(seller, uniqueEmail());

        Http.Response deleted = http.request("DELETE", "/api/customers/" + id).apiKey(seller.apiKey())
                .header("X-Request-Id", "req-delete-1").send();

        assertThat(deleted.status()).isEqualTo(204);
        LatestEvent latest = latestEvent(seller.sellerId());
        assertThat(latest.payloadType()).endsWith("CustomerDeleted");
        JsonNode metaData = JSON.readTree(latest.metaData());
        assertThat(metaData.get("request_id").asString()).isEqualTo(deleted.header("X-Request-Id").orElseThrow());
        assertThat(metaData.get("client_request_id").asString()).isEqualTo("req-delete-1");
        assertThat(metaData.get("api_key_id").asString()).isEqualTo(seller.apiKeyId());
        assertThat(metaData.get("actor_type").asString()).isEqualTo("api_key");
    }

    private record LatestEvent(String payloadType, String metaData) {
    }

    private LatestEvent latestEvent(String sellerId) {
        return jdbc.sql("""
                        SELECT payload_type, convert_from(meta_data, 'UTF8') AS meta_data FROM domain_event_entry
                        WHERE aggregate_identifier = :sellerId
                        ORDER BY sequence_number DESC LIMIT 1
                        """)
                .param("sellerId", sellerId)
                .query((row, n) -> new LatestEvent(row.getString("payload_type"), row.getString("meta_data")))
                .single();
    }
}
