package com.virtualoffice.registration.operator;

import static com.virtualoffice.registration.support.Contract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, "Rate limits and availability", with the defaults of application.yml: 50 requests per second per
 * key, bursts up to 100. Over it: 429 "Rate limit exceeded" with a Retry-After header.
 */
class RateLimitTest extends OperatorTestSupport {

    private static final int BURST = 100;
    private static final int THREADS = 16;
    private static final int ROUND = 150;

    private Http.Response cheapCall(String apiKey) {
        return http.get("/api/customers?limit=1").apiKey(apiKey).send();
    }

    private record Round(List<Http.Response> responses, double seconds) {
    }

    private static Round fire(ExecutorService pool, int requests, java.util.function.Supplier<Http.Response> call)
            throws Exception {
        long start = System.nanoTime();
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(pool.submit(call::get));
        }
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> future : futures) {
            responses.add(future.get());
        }
        return new Round(responses, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void given_a_burst_over_the_limit_then_429_with_retry_after_only_for_that_key_and_only_until_retry_after()
            throws Exception {
        var seller = operator.sellerOn("free");
        var otherKey = issueKey(seller.sellerId(), "{\"name\":\"other\"}");
        assertStatus(otherKey, 201);

        List<Http.Response> all = new ArrayList<>();
        double seconds = 0;
        // The service's clock stands during the burst: however slow the machine, nothing refills meanwhile.
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS); AutoCloseable frozen = TestClock.freeze()) {
            Round result = fire(pool, ROUND, () -> cheapCall(seller.apiKey()));
            all.addAll(result.responses());
            seconds = result.seconds();
        }

        List<Http.Response> limited = all.stream().filter(r -> r.status() == 429).toList();
        long ok = all.stream().filter(r -> r.status() == 200).count();
        assertThat(all).as("every answer is a 200 or a 429")
                .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 429));
        assertThat(limited).as("%d requests in %.2f s with one key", all.size(), seconds).isNotEmpty();
        // A full bucket lets the first BURST in, and with the clock standing nothing more.
        assertThat(ok).as("let in of %d in %.2f s", all.size(), seconds).isEqualTo(BURST);

        System.out.printf("rate limit: %d requests in %.3f s with one key: %d let in, %d refused%n", all.size(),
                seconds, ok, limited.size());
        long retryAfter = 0;
        for (Http.Response response : limited) {
            assertError(response, 429, "Too Many Requests", "Rate limit exceeded");
            String header = response.header("Retry-After").orElseThrow(
                    () -> new AssertionError("429 without Retry-After: " + response.headers()));
            assertThat(header).matches("[1-9][0-9]*");
            retryAfter = Math.max(retryAfter, Long.parseLong(header));
        }
        assertThat(all.stream().filter(r -> r.status() == 200))
                .allSatisfy(r -> assertThat(r.header("Retry-After")).isEmpty());

        // The seller's other key has a bucket of its own.
        var other = cheapCall(otherKey.field("key"));
        assertStatus(other, 200);
        assertThat(other.json().get("data").isArray()).isTrue();

        // After the wait it was told, the first key is let in again.
        TestClock.advance(Duration.ofSeconds(retryAfter));
        var again = cheapCall(seller.apiKey());
        assertStatus(again, 200);
        assertThat(again.json().get("data").isArray()).isTrue();
    }

    @Test
    void given_two_sellers_when_one_is_limited_then_the_other_is_not() throws Exception {
        var busy = operator.sellerOn("free");
        var quiet = operator.sellerOn("free");
        List<Http.Response> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS); AutoCloseable frozen = TestClock.freeze()) {
            all.addAll(fire(pool, ROUND, () -> cheapCall(busy.apiKey())).responses());
        }
        assertThat(all).anySatisfy(r -> assertThat(r.status()).isEqualTo(429));

        assertStatus(cheapCall(quiet.apiKey()), 200);
        // The operator API is not limited by a seller's bucket either.
        assertStatus(getSeller(busy.sellerId()), 200);
    }
}
