package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.assertBadRequest;
import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertCustomerShape;
import static com.virtualoffice.registration.support.Contract.assertJson;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** docs/api.md, "Events, history and webhooks": {@code GET /api/customers/{id}?as_of=<timestamp>}. */
class CustomerAsOfTest extends AuditSupport {

    private static String body(String email) {
        return "{\"first_name\": \"Ada\", \"last_name\": \"Lovelace\", \"email\": \"" + email + "\","
                + " \"company_name\": \"Acme\", \"address_data\": {\"city\": \"Berlin\"}}";
    }

    private JsonNode readAsOfOk(SellerWithKey seller, String id, String asOf) {
        Http.Response response = readAsOf(seller, id, asOf);
        assertThat(response.status()).as("as_of %s: %s", asOf, response.body()).isEqualTo(200);
        assertJson(response);
        assertCustomerShape(response.json());
        return response.json();
    }

    @Test
    void each_instant_shows_the_customer_as_it_was_then() throws Exception {
        var seller = operator.sellerOn("free");
        JsonNode created = createCustomer(seller, body(uniqueEmail()));
        String id = created.get("id").asString();
        String createdAt = created.get("created_at").asString();
        tick();
        JsonNode firstUpdate = patchCustomer(seller, id, "{\"first_name\": \"Grace\", \"address_data\": null}");
        String firstUpdateAt = firstUpdate.get("updated_at").asString();
        tick();
        JsonNode secondUpdate = patchCustomer(seller, id, "{\"status\": \"inactive\", \"company_name\": null}");
        String secondUpdateAt = secondUpdate.get("updated_at").asString();
        assertThat(Instant.parse(firstUpdateAt)).isAfter(Instant.parse(createdAt));
        assertThat(Instant.parse(secondUpdateAt)).isAfter(Instant.parse(firstUpdateAt));

        // Inclusive, to the millisecond.
        assertSameJson(readAsOfOk(seller, id, createdAt), created);
        assertSameJson(readAsOfOk(seller, id, shift(firstUpdateAt, -1)), created);
        assertSameJson(readAsOfOk(seller, id, firstUpdateAt), firstUpdate);
        assertSameJson(readAsOfOk(seller, id, shift(secondUpdateAt, -1)), firstUpdate);
        assertSameJson(readAsOfOk(seller, id, secondUpdateAt), secondUpdate);
        assertSameJson(readAsOfOk(seller, id, shift(secondUpdateAt, 60_000)), secondUpdate);
        // Without as_of: the customer now, the same as at the last update.
        Http.Response now = read(seller, id);
        assertThat(now.status()).isEqualTo(200);
        assertSameJson(now.json(), secondUpdate);
    }

    @Test
    void before_its_creation_a_customer_is_not_found() {
        var seller = operator.sellerOn("free");
        JsonNode created = createCustomer(seller, body(uniqueEmail()));
        String id = created.get("id").asString();
        String createdAt = created.get("created_at").asString();

        assertCustomerNotFound(readAsOf(seller, id, shift(createdAt, -1)));
        assertCustomerNotFound(readAsOf(seller, id, shift(createdAt, -86_400_000)));
        assertCustomerNotFound(readAsOf(seller, id, "2000-01-01T00:00:00.000Z"));
    }

    @Test
    void after_its_deletion_a_customer_is_not_found_and_just_before_it_shows_its_last_state() throws Exception {
        var seller = operator.sellerOn("free");
        JsonNode created = createCustomer(seller, body(uniqueEmail()));
        String id = created.get("id").asString();
        tick();
        JsonNode updated = patchCustomer(seller, id, "{\"last_name\": \"Byron\", \"language\": \"en\"}");
        tick();
        deleteCustomer(seller, id);
        JsonNode entries = historyEntries(seller, id);
        assertThat(entries.size()).as("%s", entries).isEqualTo(3);
        JsonNode deletion = entries.get(2);
        assertThat(deletion.get("type").asString()).isEqualTo("customer.deleted");
        String deletedAt = deletion.get("created_at").asString();
        String updatedAt = updated.get("updated_at").asString();
        assertThat(entries.get(1).get("created_at").asString()).isEqualTo(updatedAt);
        assertThat(Instant.parse(deletedAt)).isAfter(Instant.parse(updatedAt));

        // After the update, before the deletion: the updated customer.
        assertSameJson(readAsOfOk(seller, id, updatedAt), updated);
        assertSameJson(readAsOfOk(seller, id, shift(deletedAt, -1)), updated);
        assertSameJson(readAsOfOk(seller, id, entries.get(0).get("created_at").asString()), created);
        // From the deletion's instant on: gone.
        assertCustomerNotFound(readAsOf(seller, id, shift(deletedAt, 1)));
        assertCustomerNotFound(readAsOf(seller, id, shift(deletedAt, 3_600_000)));
        assertCustomerNotFound(readAsOf(seller, id, deletedAt));
    }

    @Test
    void an_instant_with_another_offset_is_the_same_instant() throws Exception {
        var seller = operator.sellerOn("free");
        JsonNode created = createCustomer(seller, body(uniqueEmail()));
        String id = created.get("id").asString();
        tick();
        JsonNode updated = patchCustomer(seller, id, "{\"first_name\": \"Grace\"}");
        Instant updatedAt = Instant.parse(updated.get("updated_at").asString());

        DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        String inBerlinSummer = withOffset.format(updatedAt.atOffset(ZoneOffset.ofHours(2)));
        String justBeforeInNewYork = withOffset.format(updatedAt.minusMillis(1).atOffset(ZoneOffset.ofHours(-5)));

        assertSameJson(readAsOfOk(seller, id, inBerlinSummer), updated);
        assertSameJson(readAsOfOk(seller, id, justBeforeInNewYork), created);
    }

    @Test
    void an_as_of_that_is_not_a_date_time_is_a_bad_request() {
        var seller = operator.sellerOn("free");
        String id = createCustomer(seller, body(uniqueEmail())).get("id").asString();

        assertBadRequest(readAsOf(seller, id, "yesterday"), "querystring/as_of must match format \"date-time\"");
        assertBadRequest(readAsOf(seller, id, "2024-13-01T00:00:00.000Z"),
                "querystring/as_of must match format \"date-time\"");
        assertBadRequest(readAsOf(seller, id, ""), "querystring/as_of must match format \"date-time\"");
    }

    @Test
    void a_foreign_or_unknown_customer_is_not_found_at_any_instant() {
        var seller = operator.sellerOn("free");
        var other = operator.sellerOn("free");
        JsonNode foreign = createCustomer(other, body(uniqueEmail()));
        String foreignId = foreign.get("id").asString();
        String createdAt = foreign.get("created_at").asString();

        assertCustomerNotFound(readAsOf(seller, foreignId, createdAt));
        assertCustomerNotFound(readAsOf(seller, foreignId, shift(createdAt, 60_000)));
        assertCustomerNotFound(readAsOf(seller, UUID.randomUUID().toString(), createdAt));
        assertCustomerNotFound(readAsOf(seller, "not-a-uuid", createdAt));
        // The owner sees it.
        assertSameJson(readAsOfOk(other, foreignId, createdAt), foreign);
    }
}
