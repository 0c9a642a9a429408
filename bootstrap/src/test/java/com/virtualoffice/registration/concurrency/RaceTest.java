package com.virtualoffice.registration.concurrency;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;

/** Parallel requests against one seller: the plan limit and email uniqueness hold under any interleaving. */
class RaceTest extends ServiceTest {

    private static final int PARALLEL = 20;

    @RepeatedTest(3)
    void twenty_parallel_creates_with_one_email_give_one_201_and_nineteen_409s() throws Exception {
        var seller = operator.sellerOn("starter");

        Map<Integer, Long> statuses = race(i -> http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail(i % 2 == 0 ? "same@example.com" : "SAME@example.com")));

        assertThat(statuses).isEqualTo(Map.of(201, 1L, 409, (long) PARALLEL - 1));
        assertThat(customerCount(seller.sellerId())).isEqualTo(1);
    }

    @RepeatedTest(3)
    void twenty_parallel_creates_into_the_last_free_slot_give_one_201() throws Exception {
        var seller = operator.sellerOn("free");
        for (int i = 0; i < 9; i++) {
            assertThat(http.post("/api/customers").apiKey(seller.apiKey())
                    .json(Customers.withEmail("early" + i + "@example.com")).send().status()).isEqualTo(201);
        }

        Map<Integer, Long> statuses = race(i -> http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail("late" + i + "@example.com")));

        assertThat(statuses).isEqualTo(Map.of(201, 1L, 403, (long) PARALLEL - 1));
        assertThat(customerCount(seller.sellerId())).isEqualTo(10);
    }

    /** Sends the requests all at once, released together by a latch; counts the answers by status. */
    private Map<Integer, Long> race(IntFunction<Http.Request> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(PARALLEL)) {
            List<Future<Integer>> answers = IntStream.range(0, PARALLEL)
                    .mapToObj(i -> clients.submit(() -> {
                        Http.Request prepared = request.apply(i);
                        start.await();
                        return prepared.send().status();
                    }))
                    .toList();
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
    }

    private int customerCount(String sellerId) {
        return http.get("/admin/sellers/" + sellerId).bearer(ADMIN_TOKEN).send().json().get("customer_count").asInt();
    }
}
