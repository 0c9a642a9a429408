package com.virtualoffice.registration.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Shared checks of the contract's conventions (API.md, "Conventions"), used by the HTTP tests of this package. */
final class ContractAssertions {

    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    static final Pattern LOWER_CASE_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** The customer object's fields, in the contract's order. */
    static final List<String> CUSTOMER_FIELDS = List.of("id", "seller_id", "first_name", "last_name", "email",
            "company_name", "legal_entity", "language", "address_data", "postal_redirect_address", "status", "source",
            "created_at", "updated_at");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private ContractAssertions() {
    }

    /** An email address no other test uses. */
    static String uniqueEmail() {
        return "customer-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    /** The smallest valid creation body. */
    static String minimalCustomer(String email) {
        return "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + email + "\"}";
    }

    /** The names of an object's properties, in the order they appear in the JSON text. */
    static List<String> propertyNames(JsonNode object) {
        assertThat(object.isObject()).as("%s is an object", object).isTrue();
        return new ArrayList<>(object.propertyNames());
    }

    /** An error answer of exactly {@code {"error": <reason>, "message": <message>}}. */
    static void assertError(Http.Response response, int status, String error, String message) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = response.json();
        assertThat(propertyNames(json)).as(response.body()).containsExactly("error", "message");
        assertThat(json.get("error").isString()).as(response.body()).isTrue();
        assertThat(json.get("message").isString()).as(response.body()).isTrue();
        assertThat(json.get("error").asString()).as(response.body()).isEqualTo(error);
        assertThat(json.get("message").asString()).as(response.body()).isEqualTo(message);
    }

    static void assertBadRequest(Http.Response response, String message) {
        assertError(response, 400, "Bad Request", message);
    }

    static void assertUnauthorized(Http.Response response, String message) {
        assertError(response, 401, "Unauthorized", message);
    }

    static void assertCustomerNotFound(Http.Response response) {
        assertError(response, 404, "Not Found", "Customer not found");
    }

    static void assertCreated(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }
}
