package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static com.virtualoffice.registration.support.Customers.withEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /admin/sellers/{id}/activity}: a seller's customer events newest first, each with who caused it and
 * through which request, for operators reviewing what happened lately.
 */
class SellerActivityTest extends AuditSupport {

    private Http.Response activity(String sellerId, String query) {
        return http.get("/admin/sellers/" + sellerId + "/activity" + (query.isEmpty() ? "" : "?" + query))
                .bearer(ADMIN_TOKEN).send();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.get("data").forEach(items::add);
        return items;
    }

    @Test
    void the_latest_events_come_first_with_their_actor_request_and_customer() {
        SellerWithKey seller = operator.sellerOn("starter");
        Http.Response createdA = created(seller, withEmail(uniqueEmail()));
        String a = createdA.field("id");
        Http.Response patchedA = patch(seller.apiKey(), a, "{\"company_name\": \"Analytical Engines\"}");
        assertThat(patchedA.status()).as(patchedA.body()).isEqualTo(200);
        String b = createCustomer(seller, withEmail(uniqueEmail())).get("id").asString();
        Http.Response deletedA = delete(seller.apiKey(), a);
        assertThat(deletedA.status()).isEqualTo(204);

        List<JsonNode> latest = items(page(activity(seller.sellerId(), "")));

        assertThat(latest).extracting(item -> item.get("type").asString())
                .containsExactly("customer.deleted", "customer.created", "customer.updated", "customer.created");
        assertThat(latest).extracting(item -> item.get("data").get("customer").get("id").asString())
                .containsExactly(a, b, a, a);
        List<JsonNode> feed = items(page(adminEvents(seller.sellerId(), "limit=100")));
        assertThat(ids(latest)).containsExactlyElementsOf(ids(feed).reversed());
        for (int i = 0; i < latest.size(); i++) {
            JsonNode item = latest.get(i);
            JsonNode event = feed.get(feed.size() - 1 - i);
            assertThat(propertyNames(item)).containsExactly("id", "type", "created_at", "actor", "request_id", "data");
            assertThat(item.get("created_at")).isEqualTo(event.get("created_at"));
            assertThat(item.get("data")).isEqualTo(event.get("data"));
            JsonNode actor = item.get("actor");
            assertThat(propertyNames(actor)).containsExactlyElementsOf(ACTOR_FIELDS);
            assertThat(actor.get("type").asString()).isEqualTo("api_key");
            assertThat(actor.get("api_key_id").asString()).isEqualTo(seller.apiKeyId());
            assertThat(actor.get("api_key_prefix").asString()).isEqualTo(seller.apiKey().substring(0, 12));
        }
        assertThat(latest.getFirst().get("request_id").asString()).isEqualTo(deletedA.header("X-Request-Id").orElseThrow());
        assertThat(latest.get(2).get("request_id").asString()).isEqualTo(patchedA.header("X-Request-Id").orElseThrow());
        assertThat(latest.getLast().get("request_id").asString()).isEqualTo(createdA.header("X-Request-Id").orElseThrow());
    }

    @Test
    void pages_go_back_in_time_from_any_event() {
        SellerWithKey seller = operator.sellerOn("starter");
        for (int i = 0; i < 5; i++) {
            createCustomer(seller, withEmail(uniqueEmail()));
        }
        List<String> newestFirst = ids(items(page(activity(seller.sellerId(), "limit=100"))));
        assertThat(newestFirst).hasSize(5);

        JsonNode first = page(activity(seller.sellerId(), "limit=2"));
        JsonNode second = page(activity(seller.sellerId(), "limit=2&starting_after=" + newestFirst.get(1)));
        JsonNode last = page(activity(seller.sellerId(), "limit=2&starting_after=" + newestFirst.get(3)));

        assertThat(ids(items(first))).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(ids(items(second))).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(second.get("has_more").asBoolean()).isTrue();
        assertThat(ids(items(last))).containsExactly(newestFirst.get(4));
        assertThat(last.get("has_more").asBoolean()).isFalse();
    }

    @Test
    void the_activity_checks_seller_cursor_limit_and_admin_token() {
        SellerWithKey seller = operator.sellerOn("free");
        SellerWithKey other = operator.sellerOn("free");
        createCustomer(other, withEmail(uniqueEmail()));
        String othersEvent = items(page(activity(other.sellerId(), ""))).getFirst().get("id").asString();

        JsonNode empty = page(activity(seller.sellerId(), ""));
        assertThat(empty.get("data").isEmpty()).isTrue();
        assertThat(empty.get("has_more").asBoolean()).isFalse();
        assertError(activity(UUID.randomUUID().toString(), ""), 404, "Not Found", "Seller not found");
        assertError(activity("not-a-uuid", ""), 404, "Not Found", "Seller not found");
        assertBadRequest(activity(seller.sellerId(), "starting_after=" + othersEvent), BAD_CURSOR);
        assertBadRequest(activity(seller.sellerId(), "starting_after=abc"), BAD_CURSOR);
        assertBadRequest(activity(seller.sellerId(), "limit=101"), "querystring/limit must be <= 100");
        assertBadRequest(activity(seller.sellerId(), "limit=0"), "querystring/limit must be >= 1");
        String path = "/admin/sellers/" + seller.sellerId() + "/activity";
        assertError(http.get(path).send(), 401, "Unauthorized", "Invalid admin token");
        assertError(http.get(path).bearer(seller.apiKey()).send(), 401, "Unauthorized", "Invalid admin token");
    }
}
