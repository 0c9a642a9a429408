package com.virtualoffice.registration.security;

import static com.virtualoffice.registration.support.Contract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.application.apikeys.ApiKeySecret;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * Unauthenticated traffic is cheap: 20 failed authentications per client address in 10 s (API keys, admin tokens
 * and the metrics' token counted together), then 429 before any key is looked at; unknown keys are remembered, so
 * repeating one never reaches PostgreSQL; other clients go on.
 * Each test is a client of its own address (127.0.0.x), so their counts do not mix.
 */
class FailedAuthenticationLimitTest extends SecurityServiceTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static String wrongKey() {
        return ApiKeySecret.generate(RANDOM).value();
    }

    private static void assertRateLimited(Http.Response response) {
        assertError(response, 429, "Too Many Requests", "Rate limit exceeded");
        assertThat(response.header("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 10));
    }

    @Test
    void given_twenty_wrong_keys_from_one_address_then_its_next_four_hundred_are_429_without_a_lookup() {
        var victim = operator.sellerOn("free");
        Http attacker = Http.from("127.0.0.3", port);
        Http other = Http.from("127.0.0.4", port);
        long before = KEY_LOOKUPS.get();

        for (int i = 0; i < 20; i++) {
            assertError(attacker.get("/api/customers").apiKey(wrongKey()).send(), 401, "Unauthorized",
                    "Invalid API key");
        }
        assertThat(KEY_LOOKUPS.get() - before).as("one lookup per distinct wrong key").isEqualTo(20);
        for (int i = 0; i < 400; i++) {
            assertRateLimited(attacker.get("/api/customers").apiKey(wrongKey()).send());
        }

        assertThat(KEY_LOOKUPS.get() - before).as("no lookup once limited").isEqualTo(20);
        // The address is limited whatever it presents; another client's valid key is not slowed.
        assertRateLimited(attacker.get("/api/customers").apiKey(victim.apiKey()).send());
        assertThat(other.get("/api/customers").apiKey(victim.apiKey()).send().status()).isEqualTo(200);
        assertError(other.get("/api/customers").apiKey(wrongKey()).send(), 401, "Unauthorized", "Invalid API key");
    }

    @Test
    void given_one_wrong_key_repeated_then_postgresql_is_asked_once() {
        Http guesser = Http.from("127.0.0.5", port);
        String key = wrongKey();
        long before = KEY_LOOKUPS.get();

        for (int i = 0; i < 10; i++) {
            assertError(guesser.get("/api/customers").apiKey(key).send(), 401, "Unauthorized", "Invalid API key");
        }

        assertThat(KEY_LOOKUPS.get() - before).isEqualTo(1);
    }

    @Test
    void given_twenty_wrong_admin_tokens_from_one_address_then_the_operator_api_is_429_there_and_only_there() {
        Http attacker = Http.from("127.0.0.6", port);
        Http operatorElsewhere = Http.from("127.0.0.7", port);

        for (int i = 0; i < 20; i++) {
            assertError(attacker.get("/admin/sellers/" + java.util.UUID.randomUUID()).bearer("guess-" + i).send(),
                    401, "Unauthorized", "Invalid admin token");
        }

        assertRateLimited(attacker.get("/admin/sellers/" + java.util.UUID.randomUUID())
                .bearer(ServiceTest.ADMIN_TOKEN).send());
        assertThat(operatorElsewhere.post("/admin/sellers").bearer(ServiceTest.ADMIN_TOKEN)
                .json("{\"name\":\"Elsewhere\"}").send().status()).isEqualTo(201);
    }

    @Test
    void given_twenty_wrong_tokens_at_the_metrics_then_the_metrics_and_the_operator_api_are_429_from_there() {
        Http scraper = Http.from("127.0.0.8", port);

        for (int i = 0; i < 20; i++) {
            assertError(scraper.get("/actuator/prometheus").bearer("guess-" + i).send(), 401, "Unauthorized",
                    "Invalid admin token");
        }

        assertRateLimited(scraper.get("/actuator/prometheus").bearer(ServiceTest.ADMIN_TOKEN).send());
        assertRateLimited(scraper.get("/admin/plans").bearer(ServiceTest.ADMIN_TOKEN).send());
        assertThat(Http.from("127.0.0.9", port).get("/actuator/prometheus").bearer(ServiceTest.ADMIN_TOKEN).send()
                .status()).isEqualTo(200);
    }
}
