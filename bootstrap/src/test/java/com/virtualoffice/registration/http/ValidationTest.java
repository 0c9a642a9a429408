package com.virtualoffice.registration.http;

import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertCreated;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docs/api.md, "Validation": one message per request, the first in the contract's order, in the validator's grammar. */
class ValidationTest extends ServiceTest {

    private static final String EMOJI = "😀"; // one code point, two UTF-16 units

    private SellerWithKey seller;

    @BeforeEach
    void seller() {
        // Enough room for the few valid bodies some tests send.
        seller = operator.sellerOn("starter");
    }

    private Http.Response post(String json) {
        return http.post("/api/customers").apiKey(seller.apiKey()).json(json).send();
    }

    /** A valid body with {@code extra} (a JSON fragment of further properties, or "") added. */
    private static String validWith(String extra) {
        return "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + uniqueEmail() + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    // 1. Not an object.

    @Test
    void given_a_body_that_is_not_an_object_when_creating_then_body_must_be_object() {
        for (String body : List.of("[]", "[{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"a@b.co\"}]",
                "\"a string\"", "5", "-1.5", "null", "true", "false")) {
            assertBadRequest(post(body), "body must be object");
        }
    }

    // 2. Required properties, in the order first_name, last_name, email.

    @Test
    void given_an_empty_object_when_creating_then_first_name_is_reported_as_required() {
        assertBadRequest(post("{}"), "body must have required property 'first_name'");
    }

    @Test
    void given_only_unknown_properties_when_creating_then_first_name_is_reported_as_required() {
        assertBadRequest(post("{\"name\":\"Ada Lovelace\",\"mail\":\"a@b.co\"}"),
                "body must have required property 'first_name'");
    }

    @Test
    void given_first_name_missing_when_creating_then_first_name_is_required_whatever_the_request_order() {
        assertBadRequest(post("{\"email\":\"a@b.co\",\"last_name\":\"B\"}"),
                "body must have required property 'first_name'");
    }

    @Test
    void given_last_name_and_email_missing_when_creating_then_last_name_is_reported() {
        assertBadRequest(post("{\"first_name\":\"A\"}"), "body must have required property 'last_name'");
    }

    @Test
    void given_only_last_name_missing_when_creating_then_last_name_is_reported() {
        assertBadRequest(post("{\"email\":\"a@b.co\",\"first_name\":\"A\"}"),
                "body must have required property 'last_name'");
    }

    @Test
    void given_only_email_missing_when_creating_then_email_is_reported() {
        assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"B\"}"),
                "body must have required property 'email'");
    }

    @Test
    void given_a_missing_required_property_and_a_type_error_when_creating_then_the_missing_one_is_reported() {
        assertBadRequest(post("{\"first_name\":5,\"last_name\":true}"), "body must have required property 'email'");
        assertBadRequest(post("{\"first_name\":5,\"email\":\"a@b.co\"}"),
                "body must have required property 'last_name'");
        assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"B\",\"language\":\"fr\"}"),
                "body must have required property 'email'");
    }

    // 3. Types, strictly.

    @Test
    void given_a_non_string_first_name_when_creating_then_body_first_name_must_be_string() {
        for (String value : List.of("5", "true", "null", "{}", "[]", "[\"Ada\"]", "1.5")) {
            assertBadRequest(post("{\"first_name\":" + value + ",\"last_name\":\"B\",\"email\":\"a@b.co\"}"),
                    "body/first_name must be string");
        }
    }

    @Test
    void given_a_non_string_last_name_when_creating_then_body_last_name_must_be_string() {
        for (String value : List.of("5", "false", "null", "{}")) {
            assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":" + value + ",\"email\":\"a@b.co\"}"),
                    "body/last_name must be string");
        }
    }

    @Test
    void given_a_non_string_email_when_creating_then_body_email_must_be_string() {
        for (String value : List.of("5", "true", "null", "[\"a@b.co\"]")) {
            assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":" + value + "}"),
                    "body/email must be string");
        }
    }

    @Test
    void given_a_non_string_company_name_or_legal_entity_when_creating_then_must_be_string() {
        assertBadRequest(post(validWith("\"company_name\":5")), "body/company_name must be string");
        assertBadRequest(post(validWith("\"company_name\":{\"x\":1}")), "body/company_name must be string");
        assertBadRequest(post(validWith("\"legal_entity\":true")), "body/legal_entity must be string");
        assertBadRequest(post(validWith("\"legal_entity\":[]")), "body/legal_entity must be string");
    }

    @Test
    void given_a_non_string_language_or_status_when_creating_then_must_be_string() {
        assertBadRequest(post(validWith("\"language\":5")), "body/language must be string");
        assertBadRequest(post(validWith("\"language\":null")), "body/language must be string");
        assertBadRequest(post(validWith("\"status\":true")), "body/status must be string");
        assertBadRequest(post(validWith("\"status\":null")), "body/status must be string");
    }

    @Test
    void given_a_non_object_address_when_creating_then_body_address_data_must_be_object() {
        for (String value : List.of("[]", "[{\"city\":\"Berlin\"}]", "\"Hauptstr. 1, Berlin\"", "5", "true")) {
            assertBadRequest(post(validWith("\"address_data\":" + value)), "body/address_data must be object");
            assertBadRequest(post(validWith("\"postal_redirect_address\":" + value)),
                    "body/postal_redirect_address must be object");
        }
    }

    @Test
    void given_a_non_string_address_part_when_creating_then_its_path_must_be_string() {
        assertBadRequest(post(validWith("\"address_data\":{\"city\":5}")), "body/address_data/city must be string");
        assertBadRequest(post(validWith("\"address_data\":{\"city\":null}")), "body/address_data/city must be string");
        assertBadRequest(post(validWith("\"address_data\":{\"street\":[\"a\"]}")),
                "body/address_data/street must be string");
        assertBadRequest(post(validWith("\"address_data\":{\"postal_code\":10115}")),
                "body/address_data/postal_code must be string");
        assertBadRequest(post(validWith("\"address_data\":{\"country\":{}}")),
                "body/address_data/country must be string");
        assertBadRequest(post(validWith("\"postal_redirect_address\":{\"city\":false}")),
                "body/postal_redirect_address/city must be string");
    }

    // 3. Lengths, in code points.

    @Test
    void given_a_first_name_of_100_emoji_when_creating_then_201_because_length_counts_code_points() {
        String name = EMOJI.repeat(100);
        assertThat(name.length()).isEqualTo(200);
        var created = post("{\"first_name\":\"" + name + "\",\"last_name\":\"" + name + "\",\"email\":\""
                + uniqueEmail() + "\"}");
        assertCreated(created);
        assertThat(created.field("first_name")).isEqualTo(name);
        assertThat(created.field("last_name")).isEqualTo(name);
    }

    @Test
    void given_a_first_name_of_100_ascii_characters_when_creating_then_201() {
        assertCreated(post("{\"first_name\":\"" + "a".repeat(100) + "\",\"last_name\":\"" + "b".repeat(100)
                + "\",\"email\":\"" + uniqueEmail() + "\"}"));
    }

    @Test
    void given_a_first_name_of_101_characters_when_creating_then_must_not_have_more_than_100() {
        assertBadRequest(post("{\"first_name\":\"" + "a".repeat(101) + "\",\"last_name\":\"B\",\"email\":\"a@b.co\"}"),
                "body/first_name must NOT have more than 100 characters");
        assertBadRequest(post("{\"first_name\":\"" + EMOJI.repeat(101) + "\",\"last_name\":\"B\",\"email\":\"a@b.co\"}"),
                "body/first_name must NOT have more than 100 characters");
    }

    @Test
    void given_a_last_name_of_101_characters_when_creating_then_must_not_have_more_than_100() {
        assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"" + "ü".repeat(101) + "\",\"email\":\"a@b.co\"}"),
                "body/last_name must NOT have more than 100 characters");
    }

    @Test
    void given_a_company_name_of_201_characters_when_creating_then_must_not_have_more_than_200() {
        assertBadRequest(post(validWith("\"company_name\":" + quoted("c".repeat(201)))),
                "body/company_name must NOT have more than 200 characters");
        assertCreated(post(validWith("\"company_name\":" + quoted(EMOJI.repeat(200)))));
    }

    @Test
    void given_a_legal_entity_of_101_characters_when_creating_then_must_not_have_more_than_100() {
        assertBadRequest(post(validWith("\"legal_entity\":" + quoted("L".repeat(101)))),
                "body/legal_entity must NOT have more than 100 characters");
        assertCreated(post(validWith("\"legal_entity\":" + quoted("L".repeat(100)))));
    }

    // 3. Email format.

    @Test
    void given_malformed_emails_when_creating_then_must_match_format_email() {
        List<String> bad = List.of(
                "a..b@x.com", "a@x", "ä@x.com", ".a@x.com", "a.@x.com", "plainaddress", "@x.com", "a@",
                "a@@x.com", "a@b@x.com", "a b@x.com", " a@x.com", "a@x.com ", "a@-x.com", "a@x-.com", "a@x..com",
                "a@.x.com", "a@x.com.", "a@x_y.com", "a(b)@x.com", "\\\"a\\\"@x.com", "a@[127.0.0.1]",
                "a@x.cöm", "a@x.com\\n", "");
        for (String email : bad) {
            assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"" + email + "\"}"),
                    "body/email must match format \"email\"");
        }
    }

    @Test
    void given_well_formed_emails_of_the_common_format_when_creating_then_201() {
        long n = System.nanoTime();
        List<String> good = List.of(
                "simple" + n + "@example.com",
                "o'brien+tag." + n + "@sub.example-domain.co",
                "a!#$%&'*+/=?^_`{|}~-" + n + "@x.io",
                "UPPER" + n + "@EXAMPLE.COM",
                n + "@1.2",
                "first.middle.last" + n + "@a-b.c-d.example");
        for (String email : good) {
            var created = post("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"" + email + "\"}");
            assertCreated(created);
            assertThat(created.field("email")).isEqualTo(email);
        }
    }

    // 3. Enums.

    @Test
    void given_a_language_outside_en_de_when_creating_then_must_be_equal_to_one_of_the_allowed_values() {
        for (String language : List.of("fr", "DE", "En", "", "de ", "german")) {
            assertBadRequest(post(validWith("\"language\":" + quoted(language))),
                    "body/language must be equal to one of the allowed values");
        }
    }

    @Test
    void given_a_status_outside_the_three_when_creating_then_must_be_equal_to_one_of_the_allowed_values() {
        for (String status : List.of("deleted", "Active", "ACTIVE", "", "pending")) {
            assertBadRequest(post(validWith("\"status\":" + quoted(status))),
                    "body/status must be equal to one of the allowed values");
        }
    }

    // Blank names (ours).

    @Test
    void given_a_blank_first_name_when_creating_then_must_not_have_fewer_than_1_characters() {
        for (String blank : List.of("   ", "", "\\t", " \\n ")) {
            assertBadRequest(post("{\"first_name\":\"" + blank + "\",\"last_name\":\"B\",\"email\":\"a@b.co\"}"),
                    "body/first_name must NOT have fewer than 1 characters");
        }
    }

    @Test
    void given_a_blank_last_name_when_creating_then_must_not_have_fewer_than_1_characters() {
        assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"  \",\"email\":\"a@b.co\"}"),
                "body/last_name must NOT have fewer than 1 characters");
        assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"\",\"email\":\"a@b.co\"}"),
                "body/last_name must NOT have fewer than 1 characters");
    }

    // 3. Order: the contract's field list, not the request's order.

    @Test
    void given_a_bad_status_and_a_bad_first_name_when_creating_then_first_name_is_reported() {
        assertBadRequest(post("{\"status\":\"deleted\",\"last_name\":\"B\",\"email\":\"a@b.co\",\"first_name\":5}"),
                "body/first_name must be string");
    }

    @Test
    void given_a_bad_postal_redirect_address_and_a_bad_language_when_creating_then_language_is_reported() {
        assertBadRequest(post("{\"postal_redirect_address\":5,\"first_name\":\"A\",\"last_name\":\"B\","
                + "\"email\":\"a@b.co\",\"language\":\"fr\"}"),
                "body/language must be equal to one of the allowed values");
    }

    /*
     * "Then each present property, in the order of the field list above": the field list is the Customer object's
     * (id, seller_id, first_name, last_name, email, company_name, legal_entity, language, address_data,
     * postal_redirect_address, status, ...), which puts both addresses before status.
     */
    @Test
    // The order is that of the request body's field list under POST /api/customers, where status comes
    // before the addresses (the customer object lists it after them).
    void given_a_bad_address_data_and_a_bad_status_when_creating_then_status_is_reported() {
        assertBadRequest(post("{\"status\":\"deleted\",\"first_name\":\"A\",\"last_name\":\"B\","
                + "\"email\":\"a@b.co\",\"address_data\":[]}"),
                "body/status must be equal to one of the allowed values");
    }

    @Test
    void given_a_bad_postal_redirect_address_and_a_valid_status_when_creating_then_postal_redirect_address_is_reported() {
        assertBadRequest(post("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"a@b.co\","
                + "\"status\":\"inactive\",\"postal_redirect_address\":{\"city\":1}}"),
                "body/postal_redirect_address/city must be string");
    }

    @Test
    void given_bad_address_data_and_bad_postal_redirect_address_when_creating_then_address_data_is_reported() {
        assertBadRequest(post("{\"postal_redirect_address\":5,\"first_name\":\"A\",\"last_name\":\"B\","
                + "\"email\":\"a@b.co\",\"address_data\":{\"city\":5}}"),
                "body/address_data/city must be string");
    }

    @Test
    void given_errors_in_several_fields_when_creating_then_the_earliest_field_in_contract_order_is_reported() {
        // first_name before last_name
        assertBadRequest(post("{\"last_name\":5,\"first_name\":\"   \",\"email\":\"a@b.co\"}"),
                "body/first_name must NOT have fewer than 1 characters");
        // last_name before email
        assertBadRequest(post("{\"email\":\"bad\",\"last_name\":\"" + "x".repeat(101) + "\",\"first_name\":\"A\"}"),
                "body/last_name must NOT have more than 100 characters");
        // email before company_name
        assertBadRequest(post("{\"company_name\":5,\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"bad\"}"),
                "body/email must match format \"email\"");
        // company_name before legal_entity
        assertBadRequest(post(validWith("\"legal_entity\":5,\"company_name\":" + quoted("c".repeat(201)))),
                "body/company_name must NOT have more than 200 characters");
        // legal_entity before language
        assertBadRequest(post(validWith("\"language\":\"fr\",\"legal_entity\":false")),
                "body/legal_entity must be string");
        // language before address_data
        assertBadRequest(post(validWith("\"address_data\":5,\"language\":\"xx\"")),
                "body/language must be equal to one of the allowed values");
    }

    // The error body.

    @Test
    void given_an_invalid_body_when_creating_then_the_error_body_has_exactly_error_and_message() {
        var response = post("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"bad\"}");
        assertBadRequest(response, "body/email must match format \"email\"");
        assertThat(response.body()).doesNotContain("exception", "Exception", "trace", "at com.", "SQL");
    }

    @Test
    void given_an_invalid_body_when_creating_then_nothing_was_created() {
        var fresh = operator.sellerOn("free");
        String email = uniqueEmail();
        var refused = http.post("/api/customers").apiKey(fresh.apiKey())
                .json("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"" + email + "\",\"status\":\"x\"}")
                .send();
        assertBadRequest(refused, "body/status must be equal to one of the allowed values");
        // The email is still free, and the seller has no customers.
        assertCreated(http.post("/api/customers").apiKey(fresh.apiKey())
                .json("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"" + email + "\"}").send());
        assertThat(http.get("/admin/sellers/" + fresh.sellerId()).bearer(ADMIN_TOKEN).send().json()
                .get("customer_count").asInt()).isEqualTo(1);
    }
}
