package com.virtualoffice.registration.lifecycle;

import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/** Deletes, updates and creates of one seller racing each other: email uniqueness and the plan limit hold. */
class LifecycleRaceTest extends LifecycleSupport {

    private static Map<Integer, Long> byStatus(List<Http.Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Http.Response::status, Collectors.counting()));
    }

    @RepeatedTest(3)
    void given_a_customer_holding_an_email_when_it_is_deleted_while_10_creates_use_the_email_then_at_most_one_holds_it()
            throws Exception {
        var seller = operator.sellerOn("starter");
        String email = uniqueEmail();
        String holder = createCustomerWithEmail(seller, email);

        List<Callable<Http.Response>> calls = new ArrayList<>();
        calls.add(() -> delete(seller, holder));
        for (int i = 0; i < 10; i++) {
            String sent = i % 2 == 0 ? email : email.toUpperCase();
            calls.add(() -> create(seller, Customers.withEmail(sent)));
        }
        List<Http.Response> answers = inParallel(calls);

        assertThat(answers.getFirst().status()).as(answers.getFirst().body()).isEqualTo(204);
        List<Http.Response> creates = answers.subList(1, answers.size());
        long created = creates.stream().filter(answer -> answer.status() == 201).count();
        assertThat(created).as("creates %s", byStatus(creates)).isLessThanOrEqualTo(1);
        for (Http.Response refused : creates.stream().filter(answer -> answer.status() != 201).toList()) {
            assertEmailTaken(refused);
        }
        List<String> holders = listIds(seller, "email=" + encode(email));
        assertThat(holders).hasSizeLessThanOrEqualTo(1).hasSize((int) created).doesNotContain(holder);
        assertThat(customerCount(seller.sellerId())).isEqualTo((int) created);
        assertCustomerNotFound(read(seller, holder));
    }

    @RepeatedTest(3)
    void given_10_customers_when_all_change_to_one_email_at_once_then_exactly_one_200_and_nine_409()
            throws Exception {
        var seller = operator.sellerOn("starter");
        String target = uniqueEmail();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(createCustomerWithEmail(seller, uniqueEmail()));
        }

        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            String sent = i % 2 == 0 ? target : target.toUpperCase();
            calls.add(() -> patch(seller, id, "{\"email\": \"" + sent + "\"}"));
        }
        List<Http.Response> answers = inParallel(calls);

        assertThat(byStatus(answers)).isEqualTo(Map.of(200, 1L, 409, 9L));
        int winner = answers.indexOf(answers.stream().filter(answer -> answer.status() == 200).findFirst().get());
        for (Http.Response refused : answers.stream().filter(answer -> answer.status() == 409).toList()) {
            assertEmailTaken(refused);
        }
        assertThat(listIds(seller, "email=" + encode(target))).containsExactly(ids.get(winner));
        assertThat(listIds(seller, "q=" + encode(target))).containsExactly(ids.get(winner));
        assertThat(customerCount(seller.sellerId())).isEqualTo(10);
    }

    /**
     * A free seller at its limit deletes a customer while 20 creates arrive. Ten creates are released together
     * with the delete and race it; ten more are released the moment the delete has answered, so that the freed
     * slot is certainly contended (if the delete lost every race of the first ten, they would all be 403s).
     */
    @RepeatedTest(3)
    void given_a_full_free_plan_when_a_customer_is_deleted_while_20_creates_arrive_then_exactly_one_201()
            throws Exception {
        var seller = operator.sellerOn("free");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(createCustomerWithEmail(seller, uniqueEmail()));
        }
        String deleted = ids.get(3);

        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch deleteAnswered = new CountDownLatch(1);
        Http.Response deleteAnswer;
        List<Http.Response> creates = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(21)) {
            Future<Http.Response> deletion = clients.submit(() -> {
                start.await();
                try {
                    return delete(seller, deleted);
                } finally {
                    deleteAnswered.countDown();
                }
            });
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                CountDownLatch gate = i < 10 ? start : deleteAnswered;
                String email = uniqueEmail();
                futures.add(clients.submit(() -> {
                    gate.await();
                    return create(seller, Customers.withEmail(email));
                }));
            }
            start.countDown();
            deleteAnswer = deletion.get();
            for (Future<Http.Response> future : futures) {
                creates.add(future.get());
            }
        }

        assertThat(deleteAnswer.status()).as(deleteAnswer.body()).isEqualTo(204);
        assertThat(byStatus(creates)).isEqualTo(Map.of(201, 1L, 403, 19L));
        for (Http.Response refused : creates.stream().filter(answer -> answer.status() == 403).toList()) {
            assertError(refused, 403, "Forbidden", "Customer limit reached. Your plan allows 10 customers.");
        }
        assertThat(customerCount(seller.sellerId())).isEqualTo(10);
        List<String> listed = allListedIds(seller, "");
        assertThat(listed).hasSize(10).doesNotHaveDuplicates().doesNotContain(deleted);
        String newcomer = creates.stream().filter(answer -> answer.status() == 201).findFirst().get().field("id");
        assertThat(listed).contains(newcomer);
    }

    @RepeatedTest(3)
    void given_a_customer_when_deleted_and_patched_at_once_then_it_ends_deleted_and_each_answer_is_consistent()
            throws Exception {
        var seller = operator.sellerOn("free");
        String id = createCustomerWithEmail(seller, uniqueEmail());

        List<Callable<Http.Response>> calls = new ArrayList<>();
        calls.add(() -> delete(seller, id));
        for (int i = 0; i < 5; i++) {
            String name = "Name" + i;
            calls.add(() -> patch(seller, id, "{\"first_name\": \"" + name + "\"}"));
        }
        List<Http.Response> answers = inParallel(calls);

        assertThat(answers.getFirst().status()).isEqualTo(204);
        for (Http.Response patched : answers.subList(1, answers.size())) {
            assertThat(patched.status()).as(patched.body()).isIn(200, 404);
            if (patched.status() == 404) {
                assertCustomerNotFound(patched);
            }
        }
        assertCustomerNotFound(read(seller, id));
        assertThat(listIds(seller, "")).isEmpty();
        assertThat(customerCount(seller.sellerId())).isZero();
    }
}
