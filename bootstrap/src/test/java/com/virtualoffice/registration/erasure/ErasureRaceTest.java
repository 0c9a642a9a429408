package com.virtualoffice.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.AtOnce;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Issue 18: erasures and updates of one customer at once, on one instance. Each update lands before the erasure
 * (200) or finds the customer gone (404); every erasure answers 204, never a 500; nothing personal is left, and
 * the seller counts the customer out once.
 */
class ErasureRaceTest extends ErasureSupport {

    private static final int UPDATES = 8;

    @RepeatedTest(3)
    void two_erasures_and_updates_of_one_customer_at_once_leave_it_erased_once_and_counted_out_once()
            throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");
        Person person = Person.random();
        String id = create(seller, person);
        create(seller, Person.random());
        List<String> renames = new ArrayList<>();
        List<Callable<Http.Response>> calls = new ArrayList<>();
        calls.add(() -> erase(seller, id));
        calls.add(() -> erase(seller, id));
        for (int i = 0; i < UPDATES; i++) {
            Person other = Person.random();
            renames.add(other.firstName());
            calls.add(() -> http.request("PATCH", "/api/customers/" + id).apiKey(seller.apiKey())
                    .json("{\"first_name\": \"" + other.firstName() + "\"}").send());
        }

        List<Http.Response> answers = AtOnce.run(calls);

        assertThat(answers.subList(0, 2)).allSatisfy(erased -> assertThat(erased.status()).as(erased.body())
                .isEqualTo(204));
        assertThat(answers.subList(2, answers.size())).allSatisfy(update -> assertThat(update.status())
                .as(update.body()).isIn(200, 404));
        assertThat(customerCount(seller)).isEqualTo(1);
        Http.Response history = http.get("/api/customers/" + id + "/history?limit=100").apiKey(seller.apiKey())
                .send();
        assertThat(found(history.body(), person.values())).isEmpty();
        assertThat(found(history.body(), renames)).isEmpty();
        assertThat(history.json().get("data").valueStream().map(entry -> entry.get("type").asString()))
                .contains("customer.erased")
                .last().isEqualTo("customer.erased");
    }
}
