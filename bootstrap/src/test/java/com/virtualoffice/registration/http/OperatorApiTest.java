package com.virtualoffice.registration.http;

import static com.virtualoffice.registration.support.Contract.ISSUED_KEY_FIELDS;
import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.LOWER_CASE_UUID;
import static com.virtualoffice.registration.support.Contract.SELLER_FIELDS;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertCreated;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.assertUnauthorized;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.sha256Hex;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** docs/api.md, "Operator API": POST /admin/sellers, GET /admin/sellers/{id}, POST /admin/sellers/{id}/api-keys. */
class OperatorApiTest extends ServiceTest {

    static final String INVALID_ADMIN_TOKEN = "Invalid admin token";

    @Autowired
    JdbcClient jdbc;

    private Http.Response registerSeller(String json) {
        return http.post("/admin/sellers").bearer(ADMIN_TOKEN).json(json).send();
    }

    private Http.Response getSeller(String id) {
        return http.get("/admin/sellers/" + id).bearer(ADMIN_TOKEN).send();
    }

    private Http.Response issueKey(String sellerId, String json) {
        return http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN).json(json).send();
    }

    private String newSellerId() {
        var seller = registerSeller("{\"name\":\"Keys Ltd\"}");
        assertCreated(seller);
        return seller.field("id");
    }

    // POST /admin/sellers

    @Test
    void given_a_name_and_plan_when_registering_a_seller_then_201_with_the_seller_in_contract_order() {
        var response = registerSeller("{\"name\":\"Acme GmbH\",\"plan\":\"starter\"}");

        assertCreated(response);
        JsonNode seller = response.json();
        assertThat(propertyNames(seller)).containsExactlyElementsOf(SELLER_FIELDS);
        assertThat(seller.get("id").asString()).matches(LOWER_CASE_UUID);
        assertThat(seller.get("name").asString()).isEqualTo("Acme GmbH");
        assertThat(seller.get("plan").asString()).isEqualTo("starter");
        assertThat(seller.get("customer_limit").asInt()).isEqualTo(100);
        assertThat(seller.get("customer_count").isNumber()).isTrue();
        assertThat(seller.get("customer_count").asInt()).isZero();
        assertThat(seller.get("created_at").asString()).matches(TIMESTAMP);
        assertThat(seller.get("updated_at").asString()).matches(TIMESTAMP);
    }

    @Test
    void given_no_plan_when_registering_a_seller_then_the_plan_is_free_with_limit_10() {
        var response = registerSeller("{\"name\":\"Default Plan Inc\"}");

        assertCreated(response);
        assertThat(response.field("plan")).isEqualTo("free");
        assertThat(response.json().get("customer_limit").isNumber()).isTrue();
        assertThat(response.json().get("customer_limit").asInt()).isEqualTo(10);
    }

    @Test
    void given_each_configured_plan_when_registering_then_customer_limit_is_that_plans_limit() {
        assertThat(registerSeller("{\"name\":\"F\",\"plan\":\"free\"}").json().get("customer_limit").asInt())
                .isEqualTo(10);
        assertThat(registerSeller("{\"name\":\"S\",\"plan\":\"starter\"}").json().get("customer_limit").asInt())
                .isEqualTo(100);
        assertThat(registerSeller("{\"name\":\"B\",\"plan\":\"business\"}").json().get("customer_limit").asInt())
                .isEqualTo(1000);
    }

    @Test
    void given_the_enterprise_plan_when_registering_then_customer_limit_is_null_not_omitted() {
        var response = registerSeller("{\"name\":\"Big Corp\",\"plan\":\"enterprise\"}");

        assertCreated(response);
        assertThat(propertyNames(response.json())).containsExactlyElementsOf(SELLER_FIELDS);
        assertThat(response.json().get("plan").asString()).isEqualTo("enterprise");
        assertThat(response.json().get("customer_limit").isNull()).isTrue();
    }

    @Test
    void given_an_unknown_plan_when_registering_then_400_plan_must_be_one_of_the_allowed_values() {
        assertBadRequest(registerSeller("{\"name\":\"X\",\"plan\":\"platinum\"}"),
                "body/plan must be equal to one of the allowed values");
        assertBadRequest(registerSeller("{\"name\":\"X\",\"plan\":\"Free\"}"),
                "body/plan must be equal to one of the allowed values");
    }

    @Test
    void given_a_plan_that_is_not_a_string_when_registering_then_400_plan_must_be_string() {
        assertBadRequest(registerSeller("{\"name\":\"X\",\"plan\":5}"), "body/plan must be string");
    }

    @Test
    void given_no_name_when_registering_then_400_name_is_required() {
        assertBadRequest(registerSeller("{\"plan\":\"free\"}"), "body must have required property 'name'");
        assertBadRequest(registerSeller("{}"), "body must have required property 'name'");
    }

    @Test
    void given_a_name_that_is_not_a_string_when_registering_then_400_name_must_be_string() {
        assertBadRequest(registerSeller("{\"name\":5}"), "body/name must be string");
    }

    @Test
    void given_a_body_that_is_not_an_object_when_registering_then_400_body_must_be_object() {
        assertBadRequest(registerSeller("[]"), "body must be object");
    }

    // Admin token

    @Test
    void given_no_admin_token_when_calling_the_operator_api_then_401_invalid_admin_token() {
        assertUnauthorized(http.post("/admin/sellers").json("{\"name\":\"X\"}").send(), INVALID_ADMIN_TOKEN);
        assertUnauthorized(http.get("/admin/sellers/" + UUID.randomUUID()).send(), INVALID_ADMIN_TOKEN);
        assertUnauthorized(http.post("/admin/sellers/" + UUID.randomUUID() + "/api-keys").json("{}").send(),
                INVALID_ADMIN_TOKEN);
    }

    @Test
    void given_a_wrong_admin_token_when_calling_the_operator_api_then_401_with_exactly_the_contract_body() {
        var response = http.post("/admin/sellers").bearer(ADMIN_TOKEN + "x").json("{\"name\":\"X\"}").send();
        assertUnauthorized(response, INVALID_ADMIN_TOKEN);
        assertThat(response.json())
                .isEqualTo(JSON.readTree("{\"error\":\"Unauthorized\",\"message\":\"Invalid admin token\"}"));

        assertUnauthorized(http.get("/admin/sellers/" + UUID.randomUUID()).bearer("wrong").send(),
                INVALID_ADMIN_TOKEN);
        assertUnauthorized(http.get("/admin/sellers/" + UUID.randomUUID())
                .bearer(ADMIN_TOKEN.substring(0, ADMIN_TOKEN.length() - 1)).send(), INVALID_ADMIN_TOKEN);
    }

    @Test
    void given_the_admin_token_in_another_header_when_calling_the_operator_api_then_401() {
        assertUnauthorized(http.post("/admin/sellers").apiKey(ADMIN_TOKEN).json("{\"name\":\"X\"}").send(),
                INVALID_ADMIN_TOKEN);
        assertUnauthorized(http.post("/admin/sellers").header("Authorization", ADMIN_TOKEN)
                .json("{\"name\":\"X\"}").send(), INVALID_ADMIN_TOKEN);
    }

    @Test
    void given_a_sellers_api_key_when_calling_the_operator_api_then_401_invalid_admin_token() {
        var seller = operator.sellerOn("free");
        assertUnauthorized(http.post("/admin/sellers").bearer(seller.apiKey()).json("{\"name\":\"X\"}").send(),
                INVALID_ADMIN_TOKEN);
        assertUnauthorized(http.get("/admin/sellers/" + seller.sellerId()).bearer(seller.apiKey()).send(),
                INVALID_ADMIN_TOKEN);
        assertUnauthorized(http.get("/admin/sellers/" + seller.sellerId()).apiKey(seller.apiKey()).send(),
                INVALID_ADMIN_TOKEN);
        assertUnauthorized(http.post("/admin/sellers/" + seller.sellerId() + "/api-keys").bearer(seller.apiKey())
                .json("{}").send(), INVALID_ADMIN_TOKEN);
    }

    @Test
    void given_the_admin_token_when_calling_the_seller_api_then_401_invalid_api_key() {
        assertUnauthorized(http.post("/api/customers").bearer(ADMIN_TOKEN).json(Customers.withEmail(uniqueEmail()))
                .send(), AuthenticationTest.INVALID);
    }

    @Test
    void given_a_wrong_admin_token_and_a_bad_body_when_registering_then_401_first() {
        assertUnauthorized(http.post("/admin/sellers").bearer("nope").json("[]").send(), INVALID_ADMIN_TOKEN);
    }

    // GET /admin/sellers/{id}

    @Test
    void given_a_registered_seller_when_reading_it_then_200_with_the_same_seller() {
        var registered = registerSeller("{\"name\":\"Read Me\",\"plan\":\"business\"}");
        assertCreated(registered);

        var read = getSeller(registered.field("id"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(propertyNames(read.json())).containsExactlyElementsOf(SELLER_FIELDS);
        assertThat(read.json()).isEqualTo(registered.json());
    }

    @Test
    void given_a_seller_with_customers_when_reading_it_then_customer_count_follows() {
        var seller = operator.sellerOn("free");
        assertThat(getSeller(seller.sellerId()).json().get("customer_count").asInt()).isZero();
        for (int i = 1; i <= 3; i++) {
            assertCreated(http.post("/api/customers").apiKey(seller.apiKey()).json(Customers.withEmail(uniqueEmail()))
                    .send());
            var read = getSeller(seller.sellerId());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("customer_count").asInt()).isEqualTo(i);
            assertThat(read.json().get("customer_limit").asInt()).isEqualTo(10);
        }
    }

    @Test
    void given_an_unknown_seller_id_when_reading_it_then_404_seller_not_found() {
        assertError(getSeller(UUID.randomUUID().toString()), 404, "Not Found", "Seller not found");
    }

    // POST /admin/sellers/{id}/api-keys

    @Test
    void given_a_seller_when_issuing_a_key_then_201_with_the_full_key_once_in_contract_order() {
        String sellerId = newSellerId();
        var response = issueKey(sellerId, "{\"name\":\"production\"}");

        assertCreated(response);
        JsonNode key = response.json();
        assertThat(propertyNames(key)).containsExactlyElementsOf(ISSUED_KEY_FIELDS);
        assertThat(key.get("id").asString()).matches(LOWER_CASE_UUID);
        assertThat(key.get("seller_id").asString()).isEqualTo(sellerId);
        assertThat(key.get("name").asString()).isEqualTo("production");
        String fullKey = key.get("key").asString();
        assertThat(fullKey).matches("sk_live_[A-Za-z0-9]{48}");
        assertThat(key.get("prefix").asString()).isEqualTo(fullKey.substring(0, 12));
        assertThat(key.get("expires_at").isNull()).isTrue();
        assertThat(key.get("last_used_at").isNull()).isTrue();
        assertThat(key.get("revoked_at").isNull()).isTrue();
        assertThat(key.get("created_at").asString()).matches(TIMESTAMP);
    }

    @Test
    void given_an_issued_key_when_calling_the_seller_api_with_it_then_it_acts_for_that_seller() {
        String sellerId = newSellerId();
        String fullKey = issueKey(sellerId, "{\"name\":\"k\"}").field("key");

        var created = http.post("/api/customers").apiKey(fullKey).json(Customers.withEmail(uniqueEmail())).send();
        assertCreated(created);
        assertThat(created.field("seller_id")).isEqualTo(sellerId);
    }

    @Test
    void given_several_keys_issued_when_comparing_them_then_each_is_different() {
        String sellerId = newSellerId();
        var first = issueKey(sellerId, "{\"name\":\"one\"}");
        var second = issueKey(sellerId, "{\"name\":\"two\"}");
        assertCreated(first);
        assertCreated(second);
        assertThat(first.field("key")).isNotEqualTo(second.field("key"));
        assertThat(first.field("id")).isNotEqualTo(second.field("id"));
    }

    @Test
    void given_a_future_expiry_when_issuing_a_key_then_it_is_returned_as_a_contract_timestamp() {
        String sellerId = newSellerId();
        var response = issueKey(sellerId, "{\"name\":\"temp\",\"expires_at\":\"2099-01-01T00:00:00.000Z\"}");

        assertCreated(response);
        assertThat(response.field("expires_at")).isEqualTo("2099-01-01T00:00:00.000Z");
        assertCreated(http.post("/api/customers").apiKey(response.field("key"))
                .json(Customers.withEmail(uniqueEmail())).send());
    }

    @Test
    void given_an_expiry_in_the_past_when_issuing_a_key_then_400() {
        String sellerId = newSellerId();
        String past = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString();
        var response = issueKey(sellerId, "{\"name\":\"old\",\"expires_at\":\"" + past + "\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(propertyNames(response.json())).containsExactly("error", "message");
        assertThat(response.field("error")).isEqualTo("Bad Request");
        assertThat(response.field("message")).startsWith("body/expires_at ");
    }

    @Test
    void given_an_expiry_that_is_not_a_date_time_when_issuing_a_key_then_400_must_match_format_date_time() {
        String sellerId = newSellerId();
        for (String value : List.of("tomorrow", "2099-01-01", "2099-13-01T00:00:00.000Z", "01.01.2099 00:00")) {
            assertBadRequest(issueKey(sellerId, "{\"name\":\"x\",\"expires_at\":\"" + value + "\"}"),
                    "body/expires_at must match format \"date-time\"");
        }
    }

    @Test
    void given_an_unknown_seller_when_issuing_a_key_then_404_seller_not_found() {
        assertError(issueKey(UUID.randomUUID().toString(), "{\"name\":\"x\"}"), 404, "Not Found",
                "Seller not found");
    }

    @Test
    void given_an_issued_key_when_looking_in_the_database_then_only_its_sha256_hash_is_stored() throws Exception {
        String sellerId = newSellerId();
        var issued = issueKey(sellerId, "{\"name\":\"secret\"}");
        assertCreated(issued);
        String fullKey = issued.field("key");
        String keyId = issued.field("id");
        String random = fullKey.substring("sk_live_".length());
        String expectedHash = sha256Hex(fullKey);

        String storedHash = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = ?")
                .param(UUID.fromString(keyId)).query(String.class).single();
        assertThat(storedHash).isEqualTo(expectedHash);

        String row = jdbc.sql("SELECT row_to_json(k)::text FROM api_keys k WHERE id = ?")
                .param(UUID.fromString(keyId)).query(String.class).single();
        assertThat(row).doesNotContain(fullKey).doesNotContain(random);

        // The key's event is in the store (the search below is not vacuous)...
        int eventsOfKey = jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE position(? in convert_from(payload, 'UTF8')) > 0
                        """)
                .param(keyId).query(Integer.class).single();
        assertThat(eventsOfKey).isPositive();
        // ...but no event, event metadata or snapshot holds the key.
        for (String needle : List.of(fullKey, random)) {
            int leaks = jdbc.sql("""
                            SELECT (SELECT count(*) FROM domain_event_entry
                                    WHERE position(:needle in convert_from(payload, 'UTF8')) > 0
                                       OR position(:needle in coalesce(convert_from(meta_data, 'UTF8'), '')) > 0)
                                 + (SELECT count(*) FROM snapshot_event_entry
                                    WHERE position(:needle in convert_from(payload, 'UTF8')) > 0
                                       OR position(:needle in coalesce(convert_from(meta_data, 'UTF8'), '')) > 0)
                                 + (SELECT count(*) FROM sellers s WHERE position(:needle in row_to_json(s)::text) > 0)
                                 + (SELECT count(*) FROM api_keys k WHERE position(:needle in row_to_json(k)::text) > 0)
                            """)
                    .param("needle", needle).query(Integer.class).single();
            assertThat(leaks).as("rows holding %s", needle).isZero();
        }
    }

    @Test
    void given_a_key_used_for_a_request_when_looking_in_the_database_then_the_key_is_still_nowhere() {
        var seller = operator.sellerOn("free");
        String random = seller.apiKey().substring("sk_live_".length());
        var created = http.post("/api/customers").apiKey(seller.apiKey()).json(Customers.withEmail(uniqueEmail()))
                .send();
        assertCreated(created);
        int leaks = jdbc.sql("""
                        SELECT (SELECT count(*) FROM domain_event_entry
                                WHERE position(:needle in convert_from(payload, 'UTF8')) > 0
                                   OR position(:needle in coalesce(convert_from(meta_data, 'UTF8'), '')) > 0)
                             + (SELECT count(*) FROM customers c WHERE position(:needle in row_to_json(c)::text) > 0)
                        """)
                .param("needle", random).query(Integer.class).single();
        assertThat(leaks).isZero();
    }
}
