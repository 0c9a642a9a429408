package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.TIMESTAMP;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/api.md, "Events, history and webhooks": {@code GET /api/customers/{id}/history}. */
class CustomerHistoryTest extends AuditSupport {

    private static final String ADDRESS =
            "{\"street\": \"Hauptstraße 1\", \"city\": \"Berlin\", \"postal_code\": \"10115\", \"country\": \"DE\"}";

    private static JsonNode change(JsonNode entry, String field) {
        JsonNode change = entry.get("changes").get(field);
        assertThat(change).as("change of %s in %s", field, entry).isNotNull();
        assertThat(propertyNames(change)).as("%s", change).containsExactly("from", "to");
        return change;
    }

    private static void assertChange(JsonNode entry, String field, String from, String to) {
        JsonNode change = change(entry, field);
        if (from == null) {
            assertThat(change.get("from").isNull()).as("%s", change).isTrue();
        } else {
            assertThat(change.get("from").isString()).as("%s", change).isTrue();
            assertThat(change.get("from").asString()).isEqualTo(from);
        }
        if (to == null) {
            assertThat(change.get("to").isNull()).as("%s", change).isTrue();
        } else {
            assertThat(change.get("to").isString()).as("%s", change).isTrue();
            assertThat(change.get("to").asString()).isEqualTo(to);
        }
    }

    /** An entry's shape, and its actor: the given key of the seller. */
    private static void assertEntry(JsonNode entry, String type, String apiKeyId, String apiKey) {
        assertThat(propertyNames(entry)).as("%s", entry).containsExactlyElementsOf(HISTORY_ENTRY_FIELDS);
        assertThat(entry.get("id").asString()).matches(EVENT_ID);
        assertThat(entry.get("type").asString()).isEqualTo(type);
        assertThat(entry.get("created_at").asString()).matches(TIMESTAMP);
        JsonNode actor = entry.get("actor");
        assertThat(propertyNames(actor)).as("%s", actor).containsExactlyElementsOf(ACTOR_FIELDS);
        assertThat(actor.get("type").asString()).isEqualTo("api_key");
        assertThat(actor.get("api_key_id").asString()).isEqualTo(apiKeyId);
        assertThat(actor.get("api_key_prefix").asString()).isEqualTo(apiKey.substring(0, 12));
        assertThat(entry.get("changes").isObject()).as("%s", entry).isTrue();
        assertThat(entry.get("request_id").isString()).as("%s", entry).isTrue();
    }

    @Test
    void a_created_customer_has_one_entry_listing_every_field_with_a_value_from_null() {
        var seller = operator.sellerOn("free");
        String requestId = "audit-create-" + UUID.randomUUID();
        String email = uniqueEmail();
        Http.Response created = http.post("/api/customers").apiKey(seller.apiKey()).header("X-Request-Id", requestId)
                .json("{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \"" + email + "\","
                        + " \"address_data\": " + ADDRESS + "}")
                .send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.field("id");

        JsonNode entries = historyEntries(seller, id);

        assertThat(entries.size()).as("%s", entries).isEqualTo(1);
        JsonNode entry = entries.get(0);
        assertEntry(entry, "customer.created", seller.apiKeyId(), seller.apiKey());
        // The service's own id is the request id; the client's is kept beside it.
        assertThat(entry.get("request_id").asString()).isEqualTo(created.header("X-Request-Id").orElseThrow())
                .isNotEqualTo(requestId);
        assertThat(entry.get("client_request_id").asString()).isEqualTo(requestId);
        assertThat(entry.get("created_at").asString()).isEqualTo(created.field("created_at"));
        assertThat(propertyNames(entry.get("changes"))).containsExactly("first_name", "last_name", "email",
                "language", "address_data", "status");
        assertChange(entry, "first_name", null, "Ada");
        assertChange(entry, "last_name", null, "Lovelace");
        assertChange(entry, "email", null, email);
        assertChange(entry, "language", null, "de");
        assertChange(entry, "status", null, "active");
        JsonNode address = change(entry, "address_data");
        assertThat(address.get("from").isNull()).isTrue();
        assertSameJson(address.get("to"), JSON.readTree(ADDRESS));
    }

    @Test
    void a_created_customer_with_every_field_lists_them_all_in_the_customer_objects_order() {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        // Given in an order other than the customer object's.
        String id = createCustomer(seller, """
                {"status": "suspended", "postal_redirect_address": {}, "language": "en",
                 "address_data": {"city": "Berlin"}, "legal_entity": "GmbH", "company_name": "Acme",
                 "email": "%s", "last_name": "Lovelace", "first_name": "Ada"}
                """.formatted(email)).get("id").asString();

        JsonNode entry = historyEntries(seller, id).get(0);

        assertThat(propertyNames(entry.get("changes"))).containsExactlyElementsOf(CHANGEABLE_FIELDS);
        assertChange(entry, "company_name", null, "Acme");
        assertChange(entry, "legal_entity", null, "GmbH");
        assertChange(entry, "language", null, "en");
        assertChange(entry, "status", null, "suspended");
        assertSameJson(change(entry, "address_data").get("to"), JSON.readTree("{\"city\": \"Berlin\"}"));
        JsonNode redirect = change(entry, "postal_redirect_address");
        assertThat(redirect.get("from").isNull()).isTrue();
        assertSameJson(redirect.get("to"), JSON.readTree("{}"));
    }

    @Test
    void updates_list_only_the_fields_that_changed_and_a_deletion_lists_nothing() throws Exception {
        var seller = operator.sellerOn("free");
        String[] secondKey = issueKey(seller.sellerId());
        String email = uniqueEmail();
        String newEmail = uniqueEmail();
        Http.Response created = created(seller, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \""
                + email + "\", \"address_data\": " + ADDRESS + "}");
        String id = created.field("id");
        String createRequestId = created.header("X-Request-Id").orElseThrow();
        tick();

        // The properties in an order other than the customer object's; first_name keeps its value.
        String updateRequestId = "audit-update-" + UUID.randomUUID();
        Http.Response updated = http.request("PATCH", "/api/customers/" + id).apiKey(secondKey[1])
                .header("X-Request-Id", updateRequestId)
                .json("{\"language\": \"en\", \"email\": \"" + newEmail + "\", \"last_name\": \"Byron\","
                        + " \"first_name\": \"Ada\"}")
                .send();
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        tick();
        Http.Response cleared = patch(seller.apiKey(), id, "{\"address_data\": null, \"company_name\": \"Acme\"}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        tick();
        Http.Response deleted = delete(seller.apiKey(), id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);

        JsonNode entries = historyEntries(seller, id);

        assertThat(entries.size()).as("%s", entries).isEqualTo(4);
        assertEntry(entries.get(0), "customer.created", seller.apiKeyId(), seller.apiKey());
        assertThat(entries.get(0).get("request_id").asString()).isEqualTo(createRequestId);

        JsonNode update = entries.get(1);
        assertEntry(update, "customer.updated", secondKey[0], secondKey[1]);
        assertThat(update.get("request_id").asString()).isEqualTo(updated.header("X-Request-Id").orElseThrow());
        assertThat(update.get("client_request_id").asString()).isEqualTo(updateRequestId);
        assertThat(update.get("created_at").asString()).isEqualTo(updated.field("updated_at"));
        assertThat(propertyNames(update.get("changes"))).containsExactly("last_name", "email", "language");
        assertChange(update, "last_name", "Lovelace", "Byron");
        assertChange(update, "email", email, newEmail);
        assertChange(update, "language", "de", "en");

        JsonNode clearing = entries.get(2);
        assertEntry(clearing, "customer.updated", seller.apiKeyId(), seller.apiKey());
        assertThat(clearing.get("request_id").asString()).isEqualTo(cleared.header("X-Request-Id").orElseThrow());
        assertThat(clearing.get("client_request_id").isNull()).as("%s", clearing).isTrue();
        assertThat(propertyNames(clearing.get("changes"))).containsExactly("company_name", "address_data");
        assertChange(clearing, "company_name", null, "Acme");
        JsonNode address = change(clearing, "address_data");
        assertSameJson(address.get("from"), JSON.readTree(ADDRESS));
        assertThat(address.get("to").isNull()).as("%s", address).isTrue();

        JsonNode deletion = entries.get(3);
        assertEntry(deletion, "customer.deleted", seller.apiKeyId(), seller.apiKey());
        assertThat(deletion.get("request_id").asString()).isEqualTo(deleted.header("X-Request-Id").orElseThrow());
        assertThat(propertyNames(deletion.get("changes"))).isEmpty();

        // Oldest first, every entry its own event.
        for (int i = 1; i < entries.size(); i++) {
            assertThat(Instant.parse(entries.get(i).get("created_at").asString()))
                    .isAfterOrEqualTo(Instant.parse(entries.get(i - 1).get("created_at").asString()));
        }
        assertThat(ids(entries)).doesNotHaveDuplicates();
    }

    @Test
    void a_patch_to_the_current_values_lists_none_of_them() throws Exception {
        var seller = operator.sellerOn("free");
        String email = uniqueEmail();
        String id = createCustomer(seller, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \""
                + email + "\", \"company_name\": \"Acme\", \"address_data\": " + ADDRESS + "}").get("id").asString();
        tick();

        patchCustomer(seller, id, "{\"first_name\": \"Ada\", \"email\": \"" + email + "\", \"company_name\": \"Acme\","
                + " \"address_data\": " + ADDRESS + ", \"language\": \"de\", \"status\": \"inactive\"}");

        JsonNode entries = historyEntries(seller, id);
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("type").asString()).isEqualTo("customer.updated");
        assertThat(propertyNames(last.get("changes"))).containsExactly("status");
        assertChange(last, "status", "active", "inactive");
    }

    @Test
    void the_history_stays_readable_after_the_customer_is_deleted() throws Exception {
        var seller = operator.sellerOn("free");
        String id = createCustomer(seller, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \""
                + uniqueEmail() + "\"}").get("id").asString();
        tick();
        patchCustomer(seller, id, "{\"first_name\": \"Grace\"}");
        JsonNode beforeDeletion = historyEntries(seller, id);
        assertThat(beforeDeletion.size()).isEqualTo(2);
        tick();
        deleteCustomer(seller, id);

        assertCustomerNotFound(read(seller, id));
        JsonNode entries = historyEntries(seller, id);

        assertThat(entries.size()).as("%s", entries).isEqualTo(3);
        assertThat(entries.get(0).get("type").asString()).isEqualTo("customer.created");
        assertThat(entries.get(1).get("type").asString()).isEqualTo("customer.updated");
        assertThat(entries.get(2).get("type").asString()).isEqualTo("customer.deleted");
        // The entries read before the deletion are unchanged by it.
        assertSameJson(entries.get(0), beforeDeletion.get(0));
        assertSameJson(entries.get(1), beforeDeletion.get(1));
        assertChange(entries.get(1), "first_name", "Ada", "Grace");
    }

    @Test
    void an_unknown_foreign_or_malformed_id_has_no_history() {
        SellerWithKey seller = operator.sellerOn("free");
        SellerWithKey other = operator.sellerOn("free");
        String foreign = createCustomer(other, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \""
                + uniqueEmail() + "\"}").get("id").asString();

        assertCustomerNotFound(history(seller, UUID.randomUUID().toString()));
        assertCustomerNotFound(history(seller, foreign));
        assertCustomerNotFound(history(seller, "not-a-uuid"));
        assertCustomerNotFound(history(seller, "12345"));
        // The owner still sees it.
        assertThat(historyEntries(other, foreign).size()).isEqualTo(1);
    }

    @Test
    void the_history_requires_an_api_key() {
        var seller = operator.sellerOn("free");
        String id = createCustomer(seller, "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \""
                + uniqueEmail() + "\"}").get("id").asString();

        assertError(http.get("/api/customers/" + id + "/history").send(), 401, "Unauthorized", NO_KEY);
    }
}
