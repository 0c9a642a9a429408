package com.virtualoffice.registration.lifecycle;

import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The {@code Idempotency-Key} header on POST /api/customers. */
class IdempotencyTest extends LifecycleSupport {

    private static final String REPLAYED = "Idempotent-Replayed";

    private Http.Response createWithKey(SellerWithKey seller, String key, String json) {
        return http.post("/api/customers").apiKey(seller.apiKey()).header("Idempotency-Key", key).json(json).send();
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void given_an_answered_request_when_repeating_it_with_the_same_key_and_body_then_the_same_answer_and_nothing_new() {
        var seller = operator.sellerOn("free");
        String key = newKey();
        String body = Customers.withEmail(uniqueEmail());
        Http.Response original = createWithKey(seller, key, body);
        assertThat(original.status()).as(original.body()).isEqualTo(201);
        assertThat(original.header(REPLAYED)).isEmpty();
        assertThat(customerCount(seller.sellerId())).isEqualTo(1);

        Http.Response replay = createWithKey(seller, key, body);
        Http.Response again = createWithKey(seller, key, body);

        for (Http.Response repeated : List.of(replay, again)) {
            assertThat(repeated.status()).isEqualTo(201);
            assertThat(repeated.body()).isEqualTo(original.body());
            assertThat(repeated.header(REPLAYED)).hasValue("true");
            assertThat(repeated.contentType())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
        assertThat(customerCount(seller.sellerId())).isEqualTo(1);
        assertThat(allListedIds(seller, "")).containsExactly(original.field("id"));
    }

    @Test
    void given_a_refused_request_when_repeating_it_with_the_same_key_then_the_refusal_is_replayed() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        createCustomerWithEmail(seller, email);
        String key = newKey();
        String body = Customers.withEmail(email);
        Http.Response original = createWithKey(seller, key, body);
        assertEmailTaken(original);
        assertThat(original.header(REPLAYED)).isEmpty();

        Http.Response replay = createWithKey(seller, key, body);

        assertEmailTaken(replay);
        assertThat(replay.body()).isEqualTo(original.body());
        assertThat(replay.header(REPLAYED)).hasValue("true");
        assertThat(customerCount(seller.sellerId())).isEqualTo(1);
    }

    @Test
    void given_a_refusal_when_the_cause_goes_away_then_the_same_key_still_replays_the_refusal() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        String holder = createCustomerWithEmail(seller, email);
        String key = newKey();
        String body = Customers.withEmail(email);
        Http.Response original = createWithKey(seller, key, body);
        assertEmailTaken(original);
        assertThat(delete(seller, holder).status()).isEqualTo(204);

        Http.Response replay = createWithKey(seller, key, body);

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.body()).isEqualTo(original.body());
        assertThat(replay.header(REPLAYED)).hasValue("true");
        assertThat(customerCount(seller.sellerId())).isZero();
    }

    @Test
    void given_a_used_key_when_sending_a_different_body_with_it_then_422_and_nothing_is_created() {
        var seller = operator.sellerOn("free");
        String key = newKey();
        Http.Response original = createWithKey(seller, key, Customers.withEmail(uniqueEmail()));
        assertThat(original.status()).isEqualTo(201);

        Http.Response reused = createWithKey(seller, key, Customers.withEmail(uniqueEmail()));

        assertError(reused, 422, "Unprocessable Entity", "Idempotency-Key reused with a different request body");
        assertThat(reused.header(REPLAYED)).isEmpty();
        assertThat(customerCount(seller.sellerId())).isEqualTo(1);
    }

    @Test
    void given_seller_a_used_a_key_when_seller_b_sends_the_same_key_then_b_gets_its_own_customer() {
        var a = operator.sellerOn("free");
        var b = operator.sellerOn("free");
        String key = newKey();
        String body = Customers.withEmail(uniqueEmail());
        Http.Response fromA = createWithKey(a, key, body);
        assertThat(fromA.status()).isEqualTo(201);

        Http.Response fromB = createWithKey(b, key, body);

        assertThat(fromB.status()).as(fromB.body()).isEqualTo(201);
        assertThat(fromB.header(REPLAYED)).isEmpty();
        assertThat(fromB.field("seller_id")).isEqualTo(b.sellerId());
        assertThat(fromB.field("id")).isNotEqualTo(fromA.field("id"));
        assertThat(customerCount(a.sellerId())).isEqualTo(1);
        assertThat(customerCount(b.sellerId())).isEqualTo(1);
        // And a different body under the same key string is no conflict at the other seller either.
        Http.Response fromBOther = createWithKey(b, key + "-x", Customers.withEmail(uniqueEmail()));
        assertThat(fromBOther.status()).isEqualTo(201);
    }

    @Test
    void given_a_body_failing_validation_when_retrying_with_a_corrected_body_and_the_same_key_then_201() {
        var seller = operator.sellerOn("free");
        String key = newKey();
        Http.Response invalid = createWithKey(seller, key, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\"}");
        assertBadRequest(invalid, "body must have required property 'email'");

        Http.Response corrected = createWithKey(seller, key, Customers.withEmail(uniqueEmail()));

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(corrected.header(REPLAYED)).isEmpty();
        assertThat(customerCount(seller.sellerId())).isEqualTo(1);
    }

    @Test
    void given_an_idempotency_key_longer_than_255_characters_when_creating_then_400_and_nothing_is_created() {
        var seller = operator.sellerOn("free");

        Http.Response tooLong = createWithKey(seller, "k".repeat(256), Customers.withEmail(uniqueEmail()));

        assertBadRequest(tooLong, "headers/idempotency-key must NOT have more than 255 characters");
        assertThat(customerCount(seller.sellerId())).isZero();
        Http.Response atLimit = createWithKey(seller, "k".repeat(255), Customers.withEmail(uniqueEmail()));
        assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(201);
    }

    @RepeatedTest(3)
    void given_20_concurrent_requests_with_one_key_and_body_when_sent_then_exactly_one_customer_is_created()
            throws Exception {
        var seller = operator.sellerOn("starter");
        String key = newKey();
        String body = Customers.withEmail(uniqueEmail());
        int before = customerCount(seller.sellerId());

        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> createWithKey(seller, key, body));
        }
        List<Http.Response> answers = inParallel(calls);

        List<Http.Response> created = answers.stream().filter(answer -> answer.status() == 201).toList();
        List<Http.Response> busy = answers.stream().filter(answer -> answer.status() == 409).toList();
        assertThat(created.size() + busy.size())
                .as("statuses %s", answers.stream().map(Http.Response::status).toList()).isEqualTo(20);
        assertThat(created).isNotEmpty();
        assertThat(created.stream().filter(answer -> answer.header(REPLAYED).isEmpty()).count())
                .as("original answers").isEqualTo(1);
        assertThat(created.stream().map(Http.Response::body).distinct().count()).as("distinct 201 bodies").isEqualTo(1);
        for (Http.Response conflict : busy) {
            assertError(conflict, 409, "Conflict", "A request with this Idempotency-Key is still being processed");
        }
        assertThat(customerCount(seller.sellerId())).isEqualTo(before + 1);
        assertThat(allListedIds(seller, "")).hasSize(before + 1);

        Http.Response later = createWithKey(seller, key, body);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.body()).isEqualTo(created.getFirst().body());
        assertThat(later.header(REPLAYED)).hasValue("true");
    }
}
