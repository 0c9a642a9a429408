package com.virtualoffice.registration.lifecycle;

import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertCustomerShape;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The PATCH answer is the customer the decided event made (the customer before, folded with the event), not a
 * read of the customer table after the decision. A trigger makes the table differ from the decision in the very
 * transaction of the update, as a delete decided right after it in the same group commit would; the answer does
 * not change.
 */
class PatchAnswerTest extends LifecycleSupport {

    @Autowired
    private JdbcClient jdbc;

    /**
     * The PATCH, sent while a BEFORE UPDATE trigger on this customer's row (and no other) runs {@code assignment}
     * on the new row, in the transaction that writes the update.
     */
    private Http.Response patchWhileTheTableRewrites(SellerWithKey seller, String customerId, String body,
                                                     String assignment) {
        String name = "patch_answer_" + UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.id = '" + UUID.fromString(customerId) + "' THEN " + assignment + "; END IF;"
                + " RETURN NEW; END $$").update();
        jdbc.sql("CREATE TRIGGER " + name + " BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION " + name
                + "()").update();
        try {
            return patch(seller, customerId, body);
        } finally {
            jdbc.sql("DROP TRIGGER " + name + " ON customers").update();
            jdbc.sql("DROP FUNCTION " + name + "()").update();
        }
    }

    @Test
    void given_the_table_loses_the_customer_in_the_update_transaction_when_patching_then_200_with_the_update() {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEveryField(uniqueEmail()));
        String id = before.get("id").asString();

        Http.Response patched = patchWhileTheTableRewrites(seller, id, "{\"first_name\": \"Grace\"}",
                "NEW.deleted_at := now()");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertCustomerShape(patched.json());
        assertThat(patched.json().get("first_name").asString()).isEqualTo("Grace");
        assertThat(patched.json().get("email")).isEqualTo(before.get("email"));
        // The table no longer shows the customer: an answer read from it would have been 404.
        assertCustomerNotFound(read(seller, id));
    }

    @Test
    void given_the_table_holds_other_values_after_the_update_when_patching_then_the_answer_holds_the_decided_ones() {
        var seller = operator.sellerOn("free");
        JsonNode before = createCustomer(seller, Customers.withEveryField(uniqueEmail()));
        String id = before.get("id").asString();

        Http.Response patched = patchWhileTheTableRewrites(seller, id,
                "{\"first_name\": \"Grace\", \"company_name\": null}", "NEW.last_name := 'written by the trigger'");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode answer = patched.json();
        assertThat(answer.get("first_name").asString()).isEqualTo("Grace");
        assertThat(answer.get("company_name").isNull()).isTrue();
        assertThat(answer.get("last_name")).isEqualTo(before.get("last_name"));
        assertThat(answer.get("address_data")).isEqualTo(before.get("address_data"));
        assertThat(answer.get("created_at")).isEqualTo(before.get("created_at"));
        Http.Response reread = read(seller, id);
        assertThat(reread.json().get("last_name").asString()).isEqualTo("written by the trigger");
        // The history is folded from the events, like the answer, so it agrees with the answer.
        Http.Response history = http.get("/api/customers/" + id + "/history").apiKey(seller.apiKey()).send();
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode update = history.json().get("data").get(1);
        assertThat(update.get("changes").propertyNames()).containsExactly("first_name", "company_name");
    }
}
