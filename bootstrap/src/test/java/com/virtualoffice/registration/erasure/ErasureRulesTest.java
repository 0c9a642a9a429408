package com.virtualoffice.registration.erasure;

import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/api.md, "Events, history and webhooks": who may erase what, and what an erasure frees. */
class ErasureRulesTest extends ErasureSupport {

    @Test
    void a_live_customer_is_gone_once_erased_its_email_registers_again_and_its_place_on_the_plan_is_free() {
        SellerWithKey seller = operator.sellerOn("free");
        List<String> ids = new ArrayList<>();
        Person erased = Person.random();
        ids.add(create(seller, erased));
        for (int i = 1; i < 10; i++) {
            ids.add(create(seller, Person.random()));
        }
        Http.Response overLimit = http.post("/api/customers").apiKey(seller.apiKey()).json(Person.random().json())
                .send();
        assertThat(overLimit.status()).isEqualTo(403);

        assertErased(seller, ids.getFirst());

        assertCustomerNotFound(http.get("/api/customers/" + ids.getFirst()).apiKey(seller.apiKey()).send());
        assertThat(customerCount(seller)).isEqualTo(9);
        Http.Response list = http.get("/api/customers?limit=100").apiKey(seller.apiKey()).send();
        assertThat(list.json().get("data").size()).isEqualTo(9);
        // Its email again, in other letter case: the tenth place is free, and so is the email.
        Http.Response again = http.post("/api/customers").apiKey(seller.apiKey())
                .json(erased.json().replace(erased.email(), erased.email().toUpperCase())).send();
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.field("id")).isNotEqualTo(ids.getFirst());
        assertThat(customerCount(seller)).isEqualTo(10);
    }

    @Test
    void a_deleted_customer_is_erased_too_and_stops_counting_only_once() {
        SellerWithKey seller = operator.sellerOn("free");
        String id = create(seller, Person.random());
        create(seller, Person.random());
        assertThat(http.request("DELETE", "/api/customers/" + id).apiKey(seller.apiKey()).send().status())
                .isEqualTo(204);
        assertThat(customerCount(seller)).isEqualTo(1);

        assertErased(seller, id);

        assertThat(customerCount(seller)).isEqualTo(1);
        assertThat(types(seller, id)).containsExactly("customer.created", "customer.deleted", "customer.erased");
    }

    @Test
    void erasing_again_answers_204_and_records_nothing() {
        SellerWithKey seller = operator.sellerOn("free");
        String id = create(seller, Person.random());
        assertErased(seller, id);

        assertErased(seller, id);

        assertThat(types(seller, id)).containsExactly("customer.created", "customer.erased");
        assertThat(customerCount(seller)).isZero();
    }

    @Test
    void an_unknown_id_another_sellers_customer_and_a_non_uuid_are_not_found() {
        SellerWithKey seller = operator.sellerOn("free");
        SellerWithKey other = operator.sellerOn("free");
        String othersCustomer = create(other, Person.random());

        assertCustomerNotFound(erase(seller, UUID.randomUUID().toString()));
        assertCustomerNotFound(erase(seller, othersCustomer));
        assertCustomerNotFound(erase(seller, "not-a-uuid"));

        Http.Response stillThere = http.get("/api/customers/" + othersCustomer).apiKey(other.apiKey()).send();
        assertThat(stillThere.status()).isEqualTo(200);
        assertThat(stillThere.json().get("email").isNull()).isFalse();
    }

    @Test
    void an_operator_erases_any_sellers_customer_and_the_history_names_the_operator() {
        SellerWithKey seller = operator.sellerOn("free");
        String id = create(seller, Person.random());
        String path = "/admin/sellers/" + seller.sellerId() + "/customers/";

        assertError(http.post(path + UUID.randomUUID() + "/erase").bearer(ADMIN_TOKEN).send(), 404, "Not Found",
                "Customer not found");
        assertError(http.post("/admin/sellers/" + UUID.randomUUID() + "/customers/" + id + "/erase")
                .bearer(ADMIN_TOKEN).send(), 404, "Not Found", "Seller not found");
        assertError(http.post(path + id + "/erase").apiKey(seller.apiKey()).send(), 401, "Unauthorized",
                "Invalid admin token");
        Http.Response erased = http.post(path + id + "/erase").bearer(ADMIN_TOKEN).send();
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);

        JsonNode last = history(seller, id).getLast();
        assertThat(last.get("type").asString()).isEqualTo("customer.erased");
        assertThat(last.get("actor").get("type").asString()).isEqualTo("operator");
        assertThat(http.post(path + id + "/erase").bearer(ADMIN_TOKEN).send().status()).isEqualTo(204);
    }

    private List<JsonNode> history(SellerWithKey seller, String id) {
        Http.Response history = http.get("/api/customers/" + id + "/history?limit=100").apiKey(seller.apiKey())
                .send();
        assertThat(history.status()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        history.json().get("data").forEach(entries::add);
        return entries;
    }

    private List<String> types(SellerWithKey seller, String id) {
        return history(seller, id).stream().map(entry -> entry.get("type").asString()).toList();
    }
}
