package com.virtualoffice.registration.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the operator tests share: calls of the operator API with the admin token, the contract's error shape, and
 * looks into the event store. A base class rather than a helper so that every test runs in the one cached context
 * of {@link ServiceTest}.
 */
abstract class OperatorTestSupport extends ServiceTest {

    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    static final Pattern LOWER_CASE_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern FULL_KEY = Pattern.compile("sk_live_[A-Za-z0-9]{48}");

    static final List<String> SELLER_FIELDS =
            List.of("id", "name", "plan", "customer_limit", "customer_count", "created_at", "updated_at");
    /** A key as listed or revoked: the issued key's fields without {@code key}. */
    static final List<String> KEY_FIELDS = List.of("id", "seller_id", "name", "prefix", "expires_at", "last_used_at",
            "revoked_at", "created_at");
    static final List<String> ISSUED_KEY_FIELDS = List.of("id", "seller_id", "name", "prefix", "key", "expires_at",
            "last_used_at", "revoked_at", "created_at");

    static final String LIMIT_OF_FREE = "Customer limit reached. Your plan allows 10 customers.";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @Autowired
    JdbcClient jdbc;

    // The operator API, with the admin token.

    Http.Response registerSeller(String json) {
        return http.post("/admin/sellers").bearer(ADMIN_TOKEN).json(json).send();
    }

    Http.Response getSeller(String id) {
        return http.get("/admin/sellers/" + id).bearer(ADMIN_TOKEN).send();
    }

    Http.Response patchSeller(String id, String json) {
        return http.request("PATCH", "/admin/sellers/" + id).bearer(ADMIN_TOKEN).json(json).send();
    }

    Http.Response issueKey(String sellerId, String json) {
        return http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN).json(json).send();
    }

    Http.Response listKeys(String sellerId) {
        return http.get("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN).send();
    }

    Http.Response revokeKey(String keyId) {
        return http.post("/admin/api-keys/" + keyId + "/revoke").bearer(ADMIN_TOKEN).send();
    }

    Http.Response deleteKey(String keyId) {
        return http.request("DELETE", "/admin/api-keys/" + keyId).bearer(ADMIN_TOKEN).send();
    }

    // The seller API.

    Http.Response createCustomer(String apiKey) {
        return http.post("/api/customers").apiKey(apiKey).json(
                "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + uniqueEmail() + "\"}").send();
    }

    Http.Response readCustomer(String apiKey, String customerId) {
        return http.get("/api/customers/" + customerId).apiKey(apiKey).send();
    }

    Http.Response deleteCustomer(String apiKey, String customerId) {
        return http.request("DELETE", "/api/customers/" + customerId).apiKey(apiKey).send();
    }

    static String uniqueEmail() {
        return "operator-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    // The contract's shapes.

    static void assertError(Http.Response response, int status, String error, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(propertyNames(response.json())).as(response.body()).containsExactly("error", "message");
        assertThat(response.json()).as(response.body())
                .isEqualTo(JSON.createObjectNode().put("error", error).put("message", message));
    }

    static void assertStatus(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    static List<String> propertyNames(JsonNode object) {
        assertThat(object.isObject()).as("%s is an object", object).isTrue();
        return new ArrayList<>(object.propertyNames());
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // The event store.

    /** How many events of the seller's aggregate have a payload type ending in {@code SellerEvent$<simpleName>}. */
    int sellerEvents(String sellerId, String simpleName) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :sellerId AND payload_type LIKE :suffix
                        """)
                .param("sellerId", sellerId)
                .param("suffix", "%SellerEvent$" + simpleName)
                .query(Integer.class)
                .single();
    }

    /** The payloads of the seller's events with the given simple type name, oldest first. */
    List<String> sellerEventPayloads(String sellerId, String simpleName) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :sellerId AND payload_type LIKE :suffix
                        ORDER BY sequence_number
                        """)
                .param("sellerId", sellerId)
                .param("suffix", "%SellerEvent$" + simpleName)
                .query(String.class)
                .list();
    }

    /** Events (any aggregate) whose payload or metadata holds the text. */
    int eventsHolding(String needle) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE position(:needle in convert_from(payload, 'UTF8')) > 0
                           OR position(:needle in coalesce(convert_from(meta_data, 'UTF8'), '')) > 0
                        """)
                .param("needle", needle)
                .query(Integer.class)
                .single();
    }
}
