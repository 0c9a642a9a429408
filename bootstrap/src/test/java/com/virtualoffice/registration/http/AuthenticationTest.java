package com.virtualoffice.registration.http;

import static com.virtualoffice.registration.support.Contract.assertCreated;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertUnauthorized;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** docs/api.md, "Authentication": which key, which seller, and the four 401s. */
class AuthenticationTest extends ServiceTest {

    static final String MISSING =
            "API key is required. Provide it via X-API-Key header or Authorization Bearer token.";
    static final String INVALID = "Invalid API key";
    static final String REVOKED = "API key has been revoked";
    static final String EXPIRED = "API key has expired";

    private static final String ALPHANUMERICS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration KEY_LIFETIME = Duration.ofSeconds(30);

    /** A key of the right shape that was never issued: 48 random alphanumerics cannot collide with a real one. */
    static String neverIssuedKey() {
        StringBuilder key = new StringBuilder("sk_live_");
        for (int i = 0; i < 48; i++) {
            key.append(ALPHANUMERICS.charAt(RANDOM.nextInt(ALPHANUMERICS.length())));
        }
        return key.toString();
    }

    private Http.Response create(Http.Request request) {
        return request.json(Customers.withEmail(uniqueEmail())).send();
    }

    @Test
    void given_no_key_when_creating_a_customer_then_401_key_required() {
        assertUnauthorized(create(http.post("/api/customers")), MISSING);
    }

    @Test
    void given_no_key_when_reading_a_customer_then_401_key_required() {
        assertUnauthorized(http.get("/api/customers/" + UUID.randomUUID()).send(), MISSING);
    }

    @Test
    void given_a_bearer_header_of_another_scheme_only_when_calling_then_401_key_required() {
        var seller = operator.sellerOn("free");
        assertUnauthorized(create(http.post("/api/customers").header("Authorization", "Basic " + seller.apiKey())),
                MISSING);
    }

    @Test
    void given_malformed_keys_in_x_api_key_when_calling_then_401_invalid_api_key() {
        String good = operator.sellerOn("free").apiKey();
        List<String> malformed = List.of(
                "hello",
                "sk_live_",
                good.substring(0, good.length() - 1),          // 47 random characters
                good + "A",                                     // 49 random characters
                "sk_test_" + good.substring(8),                 // other prefix
                "SK_LIVE_" + good.substring(8),                 // prefix is case-sensitive
                good.substring(0, 20) + "-" + good.substring(21), // not alphanumeric
                good.substring(0, 20) + "_" + good.substring(21)); // not alphanumeric
        for (String key : malformed) {
            assertUnauthorized(create(http.post("/api/customers").apiKey(key)), INVALID);
        }
    }

    @Test
    void given_a_malformed_bearer_token_when_calling_then_401_invalid_api_key() {
        assertUnauthorized(create(http.post("/api/customers").bearer("not-a-key")), INVALID);
        assertUnauthorized(http.get("/api/customers/" + UUID.randomUUID()).bearer("sk_live_abc").send(), INVALID);
    }

    @Test
    void given_a_well_formed_key_that_was_never_issued_when_calling_then_401_invalid_api_key() {
        String unknown = neverIssuedKey();
        assertThat(unknown).matches("sk_live_[A-Za-z0-9]{48}");
        assertUnauthorized(create(http.post("/api/customers").apiKey(unknown)), INVALID);
        assertUnauthorized(create(http.post("/api/customers").bearer(unknown)), INVALID);
        assertUnauthorized(http.get("/api/customers/" + UUID.randomUUID()).apiKey(unknown).send(), INVALID);
    }

    @Test
    void given_a_revoked_key_when_calling_then_401_key_revoked() {
        var seller = operator.sellerOn("free");
        var created = create(http.post("/api/customers").apiKey(seller.apiKey()));
        assertCreated(created);
        revoke(seller);

        assertUnauthorized(create(http.post("/api/customers").apiKey(seller.apiKey())), REVOKED);
        assertUnauthorized(create(http.post("/api/customers").bearer(seller.apiKey())), REVOKED);
        assertUnauthorized(http.get("/api/customers/" + created.field("id")).apiKey(seller.apiKey()).send(), REVOKED);
    }

    @Test
    void given_an_expired_key_when_calling_then_401_key_expired() {
        var seller = sellerWithKeyAboutToExpire();
        var created = create(http.post("/api/customers").apiKey(seller.apiKey()));
        assertCreated(created);
        expire();

        assertUnauthorized(create(http.post("/api/customers").apiKey(seller.apiKey())), EXPIRED);
        assertUnauthorized(create(http.post("/api/customers").bearer(seller.apiKey())), EXPIRED);
        assertUnauthorized(http.get("/api/customers/" + created.field("id")).apiKey(seller.apiKey()).send(), EXPIRED);
    }

    @Test
    void given_a_key_expiring_in_the_future_when_calling_then_it_is_accepted() {
        var seller = operator.sellerWithKeyExpiringAt("free", TestClock.now().plus(Duration.ofDays(1)));
        assertCreated(create(http.post("/api/customers").apiKey(seller.apiKey())));
        assertCreated(create(http.post("/api/customers").apiKey(seller.apiKey())));
    }

    @Test
    void given_a_valid_key_in_x_api_key_when_creating_and_reading_then_it_acts_for_its_seller() {
        var seller = operator.sellerOn("free");
        var created = create(http.post("/api/customers").apiKey(seller.apiKey()));
        assertCreated(created);
        assertThat(created.field("seller_id")).isEqualTo(seller.sellerId());

        var read = http.get("/api/customers/" + created.field("id")).apiKey(seller.apiKey()).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void given_a_valid_key_as_bearer_token_when_creating_and_reading_then_it_acts_for_its_seller() {
        var seller = operator.sellerOn("free");
        var created = create(http.post("/api/customers").bearer(seller.apiKey()));
        assertCreated(created);
        assertThat(created.field("seller_id")).isEqualTo(seller.sellerId());

        var read = http.get("/api/customers/" + created.field("id")).bearer(seller.apiKey()).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(created.body());
    }

    @Test
    void given_both_headers_with_keys_of_two_sellers_when_creating_then_x_api_key_is_the_one_used() {
        var preferred = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        var created = create(http.post("/api/customers").apiKey(preferred.apiKey()).bearer(other.apiKey()));
        assertCreated(created);
        assertThat(created.field("seller_id")).isEqualTo(preferred.sellerId());
    }

    @Test
    void given_an_invalid_x_api_key_and_a_valid_bearer_token_when_creating_then_401_invalid_api_key() {
        var seller = operator.sellerOn("free");
        assertUnauthorized(create(http.post("/api/customers").apiKey(neverIssuedKey()).bearer(seller.apiKey())),
                INVALID);
    }

    @Test
    void given_a_bad_body_and_no_key_when_creating_then_401_before_validation() {
        assertUnauthorized(http.post("/api/customers").json("[1, 2]").send(), MISSING);
        assertUnauthorized(http.post("/api/customers").json("{}").send(), MISSING);
        assertUnauthorized(http.post("/api/customers").json("{\"first_name\": 5}").send(), MISSING);
    }

    @Test
    void given_a_bad_body_and_a_bad_key_when_creating_then_401_before_validation() {
        assertUnauthorized(http.post("/api/customers").apiKey("garbage").json("{}").send(), INVALID);
        assertUnauthorized(http.post("/api/customers").apiKey(neverIssuedKey())
                .json("{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"not an email\"}").send(), INVALID);
    }

    @Test
    void given_a_bad_body_and_a_revoked_or_expired_key_when_creating_then_401_before_validation() {
        // Each key is used first, so that the service has seen it valid before.
        var revoked = operator.sellerOn("free");
        assertCreated(create(http.post("/api/customers").apiKey(revoked.apiKey())));
        revoke(revoked);
        assertUnauthorized(http.post("/api/customers").apiKey(revoked.apiKey()).json("{}").send(), REVOKED);
        assertUnauthorized(http.request("PATCH", "/api/customers/not-an-id").apiKey(revoked.apiKey()).json("{}")
                .send(), REVOKED);

        var expired = sellerWithKeyAboutToExpire();
        assertCreated(create(http.post("/api/customers").apiKey(expired.apiKey())));
        expire();
        assertUnauthorized(http.post("/api/customers").apiKey(expired.apiKey()).json("{}").send(), EXPIRED);
    }

    @Test
    void given_a_customer_of_another_seller_when_reading_it_then_404_customer_not_found() {
        var owner = operator.sellerOn("free");
        var stranger = operator.sellerOn("free");
        var created = create(http.post("/api/customers").apiKey(owner.apiKey()));
        assertCreated(created);

        assertCustomerNotFound(http.get("/api/customers/" + created.field("id")).apiKey(stranger.apiKey()).send());
        assertCustomerNotFound(http.get("/api/customers/" + created.field("id")).bearer(stranger.apiKey()).send());
        // ...and the owner still sees it.
        assertThat(http.get("/api/customers/" + created.field("id")).apiKey(owner.apiKey()).send().status())
                .isEqualTo(200);
    }

    @Test
    void given_two_keys_of_one_seller_when_creating_with_each_then_both_customers_belong_to_that_seller() {
        var seller = operator.sellerOn("free");
        var second = http.post("/admin/sellers/" + seller.sellerId() + "/api-keys").bearer(ADMIN_TOKEN)
                .json("{\"name\":\"second\"}").send();
        assertThat(second.status()).as(second.body()).isEqualTo(201);

        var viaFirst = create(http.post("/api/customers").apiKey(seller.apiKey()));
        var viaSecond = create(http.post("/api/customers").apiKey(second.field("key")));
        assertCreated(viaFirst);
        assertCreated(viaSecond);
        assertThat(viaSecond.field("seller_id")).isEqualTo(seller.sellerId());
        // A customer created through one key is readable through the other.
        var read = http.get("/api/customers/" + viaFirst.field("id")).apiKey(second.field("key")).send();
        assertThat(read.body()).isEqualTo(viaFirst.body());
    }

    private void revoke(SellerWithKey seller) {
        operator.revoke(seller);
    }

    /** Ahead by more than the requests before {@link #expire} could take on a busy machine. */
    private SellerWithKey sellerWithKeyAboutToExpire() {
        return operator.sellerWithKeyExpiringAt("free", TestClock.now().plus(KEY_LIFETIME));
    }

    /** Moves the service's clock past the expiry of a key from {@link #sellerWithKeyAboutToExpire}. */
    private void expire() {
        TestClock.advance(KEY_LIFETIME);
    }
}
