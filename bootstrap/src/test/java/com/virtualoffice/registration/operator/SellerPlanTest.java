package com.virtualoffice.registration.operator;

import static com.virtualoffice.registration.support.Contract.SELLER_FIELDS;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/api.md, "Operator API": sellers and plans, PATCH /admin/sellers/{id}, and what a plan change does to creates. */
class SellerPlanTest extends OperatorTestSupport {

    private String newSeller(String plan) {
        var seller = registerSeller("{\"name\":\"Plan Test Ltd\",\"plan\":\"" + plan + "\"}");
        assertStatus(seller, 201);
        return seller.field("id");
    }

    @Test
    void given_a_seller_when_patching_its_plan_then_200_with_the_new_plan_and_its_limit_and_get_agrees() {
        String id = newSeller("free");
        var before = getSeller(id);
        assertStatus(before, 200);

        var patched = patchSeller(id, "{\"plan\":\"business\"}");

        assertStatus(patched, 200);
        assertThat(patched.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode seller = patched.json();
        assertThat(propertyNames(seller)).containsExactlyElementsOf(SELLER_FIELDS);
        assertThat(seller.get("id").asString()).isEqualTo(id);
        assertThat(seller.get("name").asString()).isEqualTo("Plan Test Ltd");
        assertThat(seller.get("plan").asString()).isEqualTo("business");
        assertThat(seller.get("customer_limit").isNumber()).isTrue();
        assertThat(seller.get("customer_limit").asInt()).isEqualTo(1000);
        assertThat(seller.get("customer_count").asInt()).isZero();
        assertThat(seller.get("created_at").asString()).isEqualTo(before.field("created_at"));
        assertThat(seller.get("updated_at").asString()).matches(TIMESTAMP);
        assertThat(Instant.parse(seller.get("updated_at").asString()))
                .isAfterOrEqualTo(Instant.parse(before.field("updated_at")));

        var read = getSeller(id);
        assertStatus(read, 200);
        assertThat(read.json()).isEqualTo(seller);

        assertThat(sellerEvents(id, "SellerPlanChanged")).isEqualTo(1);
        assertThat(sellerEventPayloads(id, "SellerPlanChanged").getFirst()).contains("business");
    }

    @Test
    void given_each_plan_when_patching_to_it_then_customer_limit_follows_and_enterprise_is_null() {
        String id = newSeller("business");

        var starter = patchSeller(id, "{\"plan\":\"starter\"}");
        assertStatus(starter, 200);
        assertThat(starter.json().get("customer_limit").asInt()).isEqualTo(100);

        var enterprise = patchSeller(id, "{\"plan\":\"enterprise\"}");
        assertStatus(enterprise, 200);
        assertThat(propertyNames(enterprise.json())).containsExactlyElementsOf(SELLER_FIELDS);
        assertThat(enterprise.field("plan")).isEqualTo("enterprise");
        assertThat(enterprise.json().get("customer_limit").isNull()).isTrue();

        var free = patchSeller(id, "{\"plan\":\"free\"}");
        assertStatus(free, 200);
        assertThat(free.json().get("customer_limit").asInt()).isEqualTo(10);

        assertThat(sellerEvents(id, "SellerPlanChanged")).isEqualTo(3);
    }

    @Test
    void given_an_unknown_plan_or_an_empty_body_when_patching_then_400_and_the_plan_stays() {
        String id = newSeller("starter");

        assertError(patchSeller(id, "{\"plan\":\"gold\"}"), 400, "Bad Request",
                "body/plan must be equal to one of the allowed values");
        assertError(patchSeller(id, "{\"plan\":\"Business\"}"), 400, "Bad Request",
                "body/plan must be equal to one of the allowed values");
        assertError(patchSeller(id, "{}"), 400, "Bad Request", "body must NOT have fewer than 1 properties");

        var read = getSeller(id);
        assertThat(read.field("plan")).isEqualTo("starter");
        assertThat(read.json().get("customer_limit").asInt()).isEqualTo(100);
        assertThat(sellerEvents(id, "SellerPlanChanged")).isZero();
    }

    @Test
    void given_an_unknown_seller_when_patching_then_404_seller_not_found() {
        assertError(patchSeller(UUID.randomUUID().toString(), "{\"plan\":\"business\"}"), 404, "Not Found",
                "Seller not found");
        assertError(patchSeller("not-a-uuid", "{\"plan\":\"business\"}"), 404, "Not Found", "Seller not found");
        assertError(getSeller("not-a-uuid"), 404, "Not Found", "Seller not found");
    }

    @Test
    void given_a_full_free_seller_when_the_plan_is_raised_then_the_next_create_succeeds() {
        var seller = operator.sellerOn("free");
        for (int i = 0; i < 10; i++) {
            assertStatus(createCustomer(seller.apiKey()), 201);
        }
        assertError(createCustomer(seller.apiKey()), 403, "Forbidden", LIMIT_OF_FREE);

        assertStatus(patchSeller(seller.sellerId(), "{\"plan\":\"starter\"}"), 200);

        assertStatus(createCustomer(seller.apiKey()), 201);
        var read = getSeller(seller.sellerId());
        assertThat(read.json().get("customer_count").asInt()).isEqualTo(11);
        assertThat(read.json().get("customer_limit").asInt()).isEqualTo(100);
    }

    @Test
    void given_a_seller_over_a_lowered_limit_then_it_keeps_its_customers_and_creates_again_only_once_under_it() {
        var seller = operator.sellerOn("starter");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            var created = createCustomer(seller.apiKey());
            assertStatus(created, 201);
            ids.add(created.field("id"));
        }

        var lowered = patchSeller(seller.sellerId(), "{\"plan\":\"free\"}");

        assertStatus(lowered, 200);
        assertThat(lowered.field("plan")).isEqualTo("free");
        assertThat(lowered.json().get("customer_limit").asInt()).isEqualTo(10);
        assertThat(lowered.json().get("customer_count").asInt()).isEqualTo(12);
        // The customers stay, every one of them.
        for (String id : ids) {
            assertStatus(readCustomer(seller.apiKey(), id), 200);
        }
        assertThat(getSeller(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(12);
        // No new one while at or over the limit.
        assertError(createCustomer(seller.apiKey()), 403, "Forbidden", LIMIT_OF_FREE);

        assertStatus(deleteCustomer(seller.apiKey(), ids.get(0)), 204);
        assertStatus(deleteCustomer(seller.apiKey(), ids.get(1)), 204);
        assertThat(getSeller(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(10);
        assertError(createCustomer(seller.apiKey()), 403, "Forbidden", LIMIT_OF_FREE);

        assertStatus(deleteCustomer(seller.apiKey(), ids.get(2)), 204);
        assertThat(getSeller(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(9);
        assertStatus(createCustomer(seller.apiKey()), 201);
        assertThat(getSeller(seller.sellerId()).json().get("customer_count").asInt()).isEqualTo(10);
        assertError(createCustomer(seller.apiKey()), 403, "Forbidden", LIMIT_OF_FREE);
    }
}
