package com.virtualoffice.registration.operator;

import static com.virtualoffice.registration.support.Contract.FULL_KEY;
import static com.virtualoffice.registration.support.Contract.ISSUED_KEY_FIELDS;
import static com.virtualoffice.registration.support.Contract.LOWER_CASE_UUID;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.assertUnauthorized;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.TestClock;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md, "Operator API" and "Authentication": issuing, listing, revoking and deleting keys, what each does to
 * a request made with the key, the Seller events behind each step, and {@code last_used_at}.
 */
class ApiKeyLifecycleTest extends OperatorTestSupport {

    private static final String REVOKED = "API key has been revoked";
    private static final String EXPIRED = "API key has expired";
    private static final String INVALID = "Invalid API key";

    @Autowired
    ApplicationContext context;

    /** Any authenticated call: a customer that does not exist is a 404 once the key is accepted. */
    private Http.Response use(String apiKey) {
        return http.get("/api/customers/" + UUID.randomUUID()).apiKey(apiKey).send();
    }

    private static void assertAccepted(Http.Response response) {
        assertCustomerNotFound(response);
    }

    private String newSeller() {
        var seller = registerSeller("{\"name\":\"Key Owner\"}");
        assertStatus(seller, 201);
        return seller.field("id");
    }

    // Issue

    @Test
    void given_a_seller_when_issuing_keys_then_each_key_is_shown_once_and_in_contract_shape() {
        String sellerId = newSeller();

        var named = issueKey(sellerId, "{\"name\":\"ci\"}");
        var unnamed = issueKey(sellerId, "{}");
        var expiring = issueKey(sellerId, "{\"name\":\"temp\",\"expires_at\":\"2099-06-01T12:00:00.000Z\"}");

        for (var issued : List.of(named, unnamed, expiring)) {
            assertStatus(issued, 201);
            JsonNode key = issued.json();
            assertThat(propertyNames(key)).containsExactlyElementsOf(ISSUED_KEY_FIELDS);
            assertThat(key.get("id").asString()).matches(LOWER_CASE_UUID);
            assertThat(key.get("seller_id").asString()).isEqualTo(sellerId);
            assertThat(key.get("key").asString()).matches(FULL_KEY);
            assertThat(key.get("prefix").asString()).isEqualTo(key.get("key").asString().substring(0, 12));
            assertThat(key.get("last_used_at").isNull()).isTrue();
            assertThat(key.get("revoked_at").isNull()).isTrue();
            assertThat(key.get("created_at").asString()).matches(TIMESTAMP);
            assertAccepted(use(key.get("key").asString()));
        }
        assertThat(named.field("name")).isEqualTo("ci");
        assertThat(named.json().get("expires_at").isNull()).isTrue();
        assertThat(unnamed.json().get("name").isNull()).isTrue();
        assertThat(expiring.field("expires_at")).isEqualTo("2099-06-01T12:00:00.000Z");
        assertThat(sellerEvents(sellerId, "ApiKeyIssued")).isEqualTo(3);
    }

    // List

    @Test
    void given_several_keys_when_listing_them_then_200_oldest_first_without_the_keys_or_their_hashes() {
        var seller = operator.sellerOn("free");
        var second = issueKey(seller.sellerId(), "{\"name\":\"second\"}");
        var third = issueKey(seller.sellerId(),
                "{\"name\":\"third\",\"expires_at\":\"2099-01-01T00:00:00.000Z\"}");
        assertStatus(second, 201);
        assertStatus(third, 201);
        List<String> fullKeys = List.of(seller.apiKey(), second.field("key"), third.field("key"));

        var listed = listKeys(seller.sellerId());

        assertStatus(listed, 200);
        assertThat(listed.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = listed.json();
        assertThat(propertyNames(body)).containsExactly("data");
        JsonNode data = body.get("data");
        assertThat(data.isArray()).isTrue();
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (JsonNode key : data) {
            assertThat(propertyNames(key)).containsExactlyElementsOf(KEY_FIELDS);
            assertThat(key.get("seller_id").asString()).isEqualTo(seller.sellerId());
            assertThat(key.get("prefix").asString()).startsWith("sk_live_").hasSize(12);
            assertThat(key.get("revoked_at").isNull()).isTrue();
            Instant created = Instant.parse(key.get("created_at").asString());
            assertThat(created).isAfterOrEqualTo(previous);
            previous = created;
            ids.add(key.get("id").asString());
            names.add(key.get("name").asString());
        }
        assertThat(ids).containsExactly(seller.apiKeyId(), second.field("id"), third.field("id"));
        assertThat(names).containsExactly("test", "second", "third");
        assertThat(data.get(0).get("prefix").asString()).isEqualTo(seller.apiKey().substring(0, 12));
        assertThat(data.get(2).get("expires_at").asString()).isEqualTo("2099-01-01T00:00:00.000Z");
        for (String fullKey : fullKeys) {
            assertThat(listed.body()).doesNotContain(fullKey)
                    .doesNotContain(fullKey.substring("sk_live_".length()))
                    .doesNotContain(sha256Hex(fullKey));
        }
        assertThat(listed.body()).doesNotContain("\"key\"").doesNotContainIgnoringCase("hash");
    }

    @Test
    void given_an_unknown_seller_when_listing_keys_then_404_seller_not_found() {
        assertError(listKeys(UUID.randomUUID().toString()), 404, "Not Found", "Seller not found");
        assertError(listKeys("not-a-uuid"), 404, "Not Found", "Seller not found");
    }

    // Revoke

    @Test
    void given_a_key_in_use_when_revoking_it_then_200_with_revoked_at_and_the_very_next_request_is_refused() {
        var seller = operator.sellerOn("free");
        var other = issueKey(seller.sellerId(), "{\"name\":\"other\"}").field("key");
        assertAccepted(use(seller.apiKey()));
        Instant before = TestClock.now();

        var revoked = revokeKey(seller.apiKeyId());

        assertStatus(revoked, 200);
        JsonNode key = revoked.json();
        assertThat(propertyNames(key)).containsExactlyElementsOf(KEY_FIELDS);
        assertThat(key.get("id").asString()).isEqualTo(seller.apiKeyId());
        assertThat(key.get("seller_id").asString()).isEqualTo(seller.sellerId());
        assertThat(key.get("revoked_at").asString()).matches(TIMESTAMP);
        assertThat(Instant.parse(key.get("revoked_at").asString()))
                .isBetween(before, TestClock.now());
        assertThat(revoked.body()).doesNotContain(seller.apiKey());

        assertUnauthorized(use(seller.apiKey()), REVOKED);
        assertUnauthorized(http.get("/api/customers/" + UUID.randomUUID()).bearer(seller.apiKey()).send(), REVOKED);
        assertUnauthorized(createCustomer(seller.apiKey()), REVOKED);
        // Only that key: the seller's other key goes on working.
        assertAccepted(use(other));
        // It stays listed, revoked.
        JsonNode listed = listKeys(seller.sellerId()).json().get("data").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(seller.apiKeyId());
        assertThat(listed.get("revoked_at").asString()).isEqualTo(key.get("revoked_at").asString());

        assertThat(sellerEvents(seller.sellerId(), "ApiKeyRevoked")).isEqualTo(1);
        assertThat(sellerEventPayloads(seller.sellerId(), "ApiKeyRevoked").getFirst()).contains(seller.apiKeyId());
    }

    @Test
    void given_a_revoked_key_when_revoking_it_again_then_200_and_the_first_revoked_at_stands() throws Exception {
        var seller = operator.sellerOn("free");
        var first = revokeKey(seller.apiKeyId());
        assertStatus(first, 200);
        TestClock.tick();

        var second = revokeKey(seller.apiKeyId());

        assertStatus(second, 200);
        assertThat(second.field("revoked_at")).isEqualTo(first.field("revoked_at"));
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(sellerEvents(seller.sellerId(), "ApiKeyRevoked")).as("a second revocation records nothing")
                .isEqualTo(1);
        assertUnauthorized(use(seller.apiKey()), REVOKED);
    }

    @Test
    void given_an_unknown_or_malformed_key_id_when_revoking_or_deleting_then_404_api_key_not_found() {
        for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", "123")) {
            assertError(revokeKey(id), 404, "Not Found", "API key not found");
            assertError(deleteKey(id), 404, "Not Found", "API key not found");
        }
    }

    // Delete

    @Test
    void given_a_key_when_deleting_it_then_204_then_it_is_unknown_everywhere() {
        var seller = operator.sellerOn("free");
        var other = issueKey(seller.sellerId(), "{\"name\":\"other\"}");
        assertAccepted(use(seller.apiKey()));

        var deleted = deleteKey(seller.apiKeyId());

        assertStatus(deleted, 204);
        assertThat(deleted.body()).isEmpty();
        assertUnauthorized(use(seller.apiKey()), INVALID);
        assertUnauthorized(createCustomer(seller.apiKey()), INVALID);
        assertError(deleteKey(seller.apiKeyId()), 404, "Not Found", "API key not found");
        assertError(revokeKey(seller.apiKeyId()), 404, "Not Found", "API key not found");
        // Gone from the list; the other key is still there and still works.
        JsonNode data = listKeys(seller.sellerId()).json().get("data");
        assertThat(data.size()).isEqualTo(1);
        assertThat(data.get(0).get("id").asString()).isEqualTo(other.field("id"));
        assertAccepted(use(other.field("key")));

        assertThat(sellerEvents(seller.sellerId(), "ApiKeyDeleted")).isEqualTo(1);
        assertThat(sellerEventPayloads(seller.sellerId(), "ApiKeyDeleted").getFirst()).contains(seller.apiKeyId());
    }

    @Test
    void given_a_revoked_key_when_deleting_it_then_204_and_it_answers_invalid_api_key() {
        var seller = operator.sellerOn("free");
        assertStatus(revokeKey(seller.apiKeyId()), 200);
        assertUnauthorized(use(seller.apiKey()), REVOKED);

        assertStatus(deleteKey(seller.apiKeyId()), 204);

        assertUnauthorized(use(seller.apiKey()), INVALID);
        assertThat(listKeys(seller.sellerId()).json().get("data").size()).isZero();
    }

    // Expiry and unknown keys

    @Test
    void given_a_key_that_expires_when_its_expiry_passes_then_401_api_key_has_expired() {
        String sellerId = newSeller();
        // Ahead by more than the two requests below could take on a busy machine.
        Instant expiry = TestClock.now().plusSeconds(10);
        var issued = issueKey(sellerId, "{\"name\":\"short\",\"expires_at\":\"" + expiry + "\"}");
        assertStatus(issued, 201);
        String key = issued.field("key");
        assertAccepted(use(key));

        TestClock.advance(Duration.between(TestClock.now(), expiry).plusMillis(1));

        assertUnauthorized(use(key), EXPIRED);
        assertUnauthorized(http.get("/api/customers/" + UUID.randomUUID()).bearer(key).send(), EXPIRED);
        assertUnauthorized(createCustomer(key), EXPIRED);
    }

    @Test
    void given_a_key_never_issued_when_calling_then_401_invalid_api_key() {
        String random = "sk_live_" + "A1b2C3d4E5".repeat(4) + "f6G7h8I9";
        assertThat(random).matches(FULL_KEY);
        assertUnauthorized(use(random), INVALID);
        assertUnauthorized(use("sk_live_short"), INVALID);
    }

    // Events

    @Test
    void given_a_whole_key_lifecycle_then_each_step_is_an_event_of_the_seller_and_none_holds_the_key() {
        var seller = operator.sellerOn("free");
        var issued = issueKey(seller.sellerId(), "{\"name\":\"audited\"}");
        String keyId = issued.field("id");
        String fullKey = issued.field("key");
        assertAccepted(use(fullKey));
        assertStatus(patchSeller(seller.sellerId(), "{\"plan\":\"business\"}"), 200);
        assertStatus(revokeKey(keyId), 200);
        assertStatus(deleteKey(keyId), 204);

        List<String> types = jdbc.sql("""
                        SELECT payload_type FROM domain_event_entry
                        WHERE aggregate_identifier = :sellerId ORDER BY sequence_number
                        """)
                .param("sellerId", seller.sellerId())
                .query(String.class)
                .list()
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
        assertThat(types).containsExactly("SellerEvent$SellerRegistered", "SellerEvent$ApiKeyIssued",
                "SellerEvent$ApiKeyIssued", "SellerEvent$SellerPlanChanged", "SellerEvent$ApiKeyRevoked",
                "SellerEvent$ApiKeyDeleted");
        assertThat(sellerEventPayloads(seller.sellerId(), "ApiKeyRevoked").getFirst()).contains(keyId);
        assertThat(sellerEventPayloads(seller.sellerId(), "ApiKeyDeleted").getFirst()).contains(keyId);
        // The search is not vacuous: the key's id is in the store...
        assertThat(eventsHolding(keyId)).isGreaterThanOrEqualTo(3);
        // ...but neither key, nor the random part of either, is in any event's payload or metadata.
        for (String key : List.of(fullKey, seller.apiKey())) {
            assertThat(eventsHolding(key)).as("events holding %s", key).isZero();
            assertThat(eventsHolding(key.substring("sk_live_".length()))).isZero();
        }
    }

    // last_used_at

    /**
     * Runs the usage recorder's flush now rather than waiting for its schedule (30 s by default, too long for a
     * test), on the recorder's own single flush thread: queued behind a scheduled flush that may have taken the
     * pending time first, it returns once that one has written it too. The recorder is package-private in the
     * persistence adapter, so it is reached by its bean name and its {@code flush()} method is invoked reflectively.
     */
    private String flushedLastUsedAt(String sellerId, String keyId) throws Exception {
        Object recorder = context.getBean("apiKeyUsage");
        Method flush = recorder.getClass().getDeclaredMethod("flush");
        flush.setAccessible(true);
        context.getBean("apiKeyUsageFlush", ScheduledExecutorService.class)
                .submit(() -> flush.invoke(recorder)).get(30, TimeUnit.SECONDS);
        return lastUsedAt(sellerId, keyId);
    }

    private String lastUsedAt(String sellerId, String keyId) {
        for (JsonNode key : listKeys(sellerId).json().get("data")) {
            if (key.get("id").asString().equals(keyId)) {
                JsonNode value = key.get("last_used_at");
                return value.isNull() ? null : value.asString();
            }
        }
        throw new AssertionError("key " + keyId + " not listed");
    }

    @Test
    void given_a_fresh_key_when_it_is_used_then_last_used_at_is_set_after_the_flush() throws Exception {
        var seller = operator.sellerOn("free");
        var unused = issueKey(seller.sellerId(), "{\"name\":\"unused\"}");
        assertThat(lastUsedAt(seller.sellerId(), seller.apiKeyId())).isNull();
        Instant before = TestClock.now();

        assertAccepted(use(seller.apiKey()));
        Instant after = TestClock.now();

        String lastUsed = flushedLastUsedAt(seller.sellerId(), seller.apiKeyId());
        assertThat(lastUsed).as("last_used_at after a use and a flush").isNotNull().matches(TIMESTAMP);
        assertThat(Instant.parse(lastUsed)).isBetween(before, after);
        // Only the key that was used.
        assertThat(lastUsedAt(seller.sellerId(), unused.field("id"))).isNull();
        // Revoking shows it too.
        assertThat(revokeKey(seller.apiKeyId()).field("last_used_at")).isEqualTo(lastUsed);
    }

    @Test
    void given_a_key_used_twice_then_last_used_at_is_the_later_use() throws Exception {
        var seller = operator.sellerOn("free");
        assertAccepted(use(seller.apiKey()));
        String first = flushedLastUsedAt(seller.sellerId(), seller.apiKeyId());
        assertThat(first).isNotNull();
        TestClock.tick();

        assertAccepted(use(seller.apiKey()));

        String later = flushedLastUsedAt(seller.sellerId(), seller.apiKeyId());
        assertThat(Instant.parse(later)).isAfter(Instant.parse(first));
    }
}
