package com.virtualoffice.registration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract's conventions (docs/api.md, "Conventions") as every test package checks them, kept in one place so that
 * a test of one area is exactly as strict about them as a test of another.
 */
public final class Contract {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    public static final Pattern LOWER_CASE_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** An API key as issued, in full. */
    public static final Pattern FULL_KEY = Pattern.compile("sk_live_[A-Za-z0-9]{48}");

    /** The customer object's fields, in the contract's order. */
    public static final List<String> CUSTOMER_FIELDS = List.of("id", "seller_id", "first_name", "last_name", "email",
            "company_name", "legal_entity", "language", "address_data", "postal_redirect_address", "status", "source",
            "created_at", "updated_at");
    public static final List<String> SELLER_FIELDS =
            List.of("id", "name", "plan", "customer_limit", "customer_count", "active_api_keys",
                    "failing_webhook_deliveries", "dead_webhook_deliveries", "created_at", "updated_at");
    public static final List<String> ISSUED_KEY_FIELDS = List.of("id", "seller_id", "name", "prefix", "key",
            "expires_at", "last_used_at", "revoked_at", "created_at");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private Contract() {
    }

    /**
     * An email address no other test uses. The tests share one database, so a repeated address would be a conflict
     * between unrelated tests; it holds neither {@code _} nor {@code %}, which list tests search for.
     */
    public static String uniqueEmail() {
        return "customer-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** How the service stores an API key: the hex SHA-256 of the full key's ASCII bytes. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of an object's properties, in the order they appear in the JSON text. */
    public static List<String> propertyNames(JsonNode object) {
        assertThat(object.isObject()).as("%s is an object", object).isTrue();
        return new ArrayList<>(object.propertyNames());
    }

    public static List<String> ids(List<JsonNode> items) {
        return items.stream().map(item -> item.get("id").asString()).toList();
    }

    public static List<String> ids(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    public static void assertJson(Http.Response response) {
        assertThat(response.contentType()).as("content type of %s", response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    /** An error answer of exactly {@code {"error": <reason>, "message": <message>}}. */
    public static void assertError(Http.Response response, int status, String error, String message) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertJson(response);
        JsonNode json = response.json();
        assertThat(propertyNames(json)).as(response.body()).containsExactly("error", "message");
        assertThat(json.get("error").isString()).as(response.body()).isTrue();
        assertThat(json.get("message").isString()).as(response.body()).isTrue();
        assertThat(json.get("error").asString()).as(response.body()).isEqualTo(error);
        assertThat(json.get("message").asString()).as(response.body()).isEqualTo(message);
    }

    public static void assertBadRequest(Http.Response response, String message) {
        assertError(response, 400, "Bad Request", message);
    }

    public static void assertUnauthorized(Http.Response response, String message) {
        assertError(response, 401, "Unauthorized", message);
    }

    public static void assertCustomerNotFound(Http.Response response) {
        assertError(response, 404, "Not Found", "Customer not found");
    }

    public static void assertCreated(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    /** A whole customer object: every field, in order, with well-formed timestamps. */
    public static void assertCustomerShape(JsonNode customer) {
        assertThat(propertyNames(customer)).as("%s", customer).containsExactlyElementsOf(CUSTOMER_FIELDS);
        assertThat(customer.get("created_at").asString()).matches(TIMESTAMP);
        assertThat(customer.get("updated_at").asString()).matches(TIMESTAMP);
    }
}
