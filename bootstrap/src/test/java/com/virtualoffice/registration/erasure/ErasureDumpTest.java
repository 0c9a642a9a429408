package com.virtualoffice.registration.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.DatabaseDump;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18: after a customer with a long history is erased, none of its personal values is anywhere in the
 * database, searched as text and as bytea's hex; every answer about it shows its events' skeleton only.
 */
class ErasureDumpTest extends ErasureSupport {

    @Autowired
    private DataSource dataSource;

    @Test
    void after_erasure_no_personal_value_is_left_in_any_table_nor_in_any_answer() {
        SellerWithKey seller = operator.sellerOn("business");
        // A webhook endpoint that refuses every delivery: they stay, and are retried.
        Http.Response endpoint = http.post("/api/webhook-endpoints").apiKey(seller.apiKey())
                .json("{\"url\": \"http://127.0.0.1:9/refused\", \"events\": [\"customer.created\","
                        + " \"customer.updated\", \"customer.deleted\"]}").send();
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
        Person first = Person.random();
        Person second = Person.random();
        Person bystander = Person.random();
        String bystanderId = create(seller, bystander);

        // An idempotent create, retried once.
        Http.Response created = http.post("/api/customers").apiKey(seller.apiKey())
                .header("Idempotency-Key", "erase-" + first.firstName()).json(first.json()).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.field("id");
        Instant asCreated = TestClock.now();
        TestClock.advance(Duration.ofSeconds(1));
        // Every personal value changed once, so the earlier ones must go too; then deleted.
        patch(seller, id, """
                {"first_name": "%s", "last_name": "%s", "email": "%s", "company_name": "%s"}
                """.formatted(second.firstName(), second.lastName(), second.email(), second.companyName()));
        patch(seller, id, """
                {"address_data": {"street": "%s", "city": "%s", "postal_code": "%s"}, "status": "inactive"}
                """.formatted(second.street(), second.city(), second.postalCode()));
        patch(seller, id, "{\"postal_redirect_address\": null}");
        TestClock.advance(Duration.ofSeconds(1));
        Http.Response deleted = http.request("DELETE", "/api/customers/" + id).apiKey(seller.apiKey()).send();
        assertThat(deleted.status()).isEqualTo(204);
        List<String> values = new ArrayList<>(first.values());
        values.addAll(second.values());
        DatabaseDump before = DatabaseDump.of(dataSource);
        assertThat(before.tablesHolding(first.email())).as("the search finds values before erasure")
                .contains("customer_events", "idempotency_keys");
        assertThat(before.tablesHolding(second.email().toLowerCase())).contains("customers", "customer_events");

        assertErased(seller, id);

        DatabaseDump dump = DatabaseDump.of(dataSource);
        assertThat(dump.tables()).contains("customers", "customer_events", "idempotency_keys", "webhook_deliveries",
                "snapshot_event_entry", "domain_event_entry", "sellers");
        Map<String, List<String>> left = new TreeMap<>();
        for (String value : values) {
            List<String> tables = dump.tablesHolding(value);
            if (!tables.isEmpty()) {
                left.put(value, tables);
            }
        }
        assertThat(left).as("personal values left in the dump").isEmpty();
        for (String value : bystander.values()) {
            assertThat(dump.tablesHolding(value)).as("another customer's %s stays", value).contains("customers");
        }

        // The answers about the customer show the skeleton only.
        Http.Response history = http.get("/api/customers/" + id + "/history").apiKey(seller.apiKey()).send();
        assertThat(history.status()).isEqualTo(200);
        assertThat(found(history.body(), values)).isEmpty();
        List<String> types = new ArrayList<>();
        for (JsonNode entry : history.json().get("data")) {
            types.add(entry.get("type").asString());
            assertThat(entry.get("erased").asBoolean()).as(entry.toString()).isTrue();
            assertThat(entry.get("actor").get("type").asString()).isEqualTo("api_key");
            assertThat(entry.get("request_id").isNull()).isFalse();
        }
        assertThat(types).containsExactly("customer.created", "customer.updated", "customer.updated",
                "customer.updated", "customer.deleted", "customer.erased");
        Http.Response asOf = http.get("/api/customers/" + id + "?as_of=" + asCreated).apiKey(seller.apiKey()).send();
        assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
        assertThat(asOf.json().get("email").isNull()).isTrue();
        assertThat(asOf.json().get("language").asString()).isEqualTo("de");
        assertThat(found(asOf.body(), values)).isEmpty();
        assertThat(http.get("/api/customers/" + id + "?as_of=" + TestClock.now()).apiKey(seller.apiKey()).send()
                .status()).as("gone after its erasure").isEqualTo(404);
        for (Http.Response feed : List.of(
                http.get("/api/events?limit=100").apiKey(seller.apiKey()).send(),
                http.get("/admin/sellers/" + seller.sellerId() + "/events?limit=100").bearer(ADMIN_TOKEN).send(),
                http.get("/admin/sellers/" + seller.sellerId() + "/activity?limit=100").bearer(ADMIN_TOKEN).send())) {
            assertThat(feed.status()).isEqualTo(200);
            assertThat(found(feed.body(), values)).isEmpty();
            assertThat(found(feed.body(), bystander.values())).as("the feed still shows the others").isNotEmpty();
        }
        Http.Response retried = http.post("/api/customers").apiKey(seller.apiKey())
                .header("Idempotency-Key", "erase-" + first.firstName()).json(first.json()).send();
        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).contains("true");
        assertThat(retried.field("id")).isEqualTo(id);
        assertThat(found(retried.body(), values)).isEmpty();
        assertThat(http.get("/api/customers/" + bystanderId).apiKey(seller.apiKey()).send().status()).isEqualTo(200);
    }

    private void patch(SellerWithKey seller, String id, String json) {
        Http.Response patched = http.request("PATCH", "/api/customers/" + id).apiKey(seller.apiKey()).json(json)
                .send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }
}
