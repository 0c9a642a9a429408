package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.persistence.ReadModelRebuild;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer-event read model is disposable: rebuilt from the event store alone, its rows, the histories and
 * the feed come out the same. Other tests edit the key table directly, so only this seller's rows are compared.
 */
class AuditRebuildTest extends AuditSupport {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    @Qualifier("allReadModels")
    private ReadModelRebuild rebuild;

    private List<String> customerEventRows(String sellerId) {
        return jdbc.sql("SELECT c::text FROM customer_events c WHERE seller_id = :seller ORDER BY sequence_number")
                .param("seller", UUID.fromString(sellerId))
                .query(String.class).list();
    }

    /** Keys of the seller, taken in turn, so that the many reads stay under the per-key rate limit. */
    private final List<SellerWithKey> keys = new ArrayList<>();
    private int nextKey;

    private SellerWithKey key() {
        return keys.get(nextKey++ % keys.size());
    }

    /** Every answer of the audit views of the seller, keyed by the call. */
    private Map<String, String> auditAnswers(String sellerId, List<String> customerIds, List<String> instants) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String id : customerIds) {
            answers.put("history " + id, history(key(), id).body());
            var now = read(key(), id);
            answers.put("customer " + id, now.status() + " " + now.body());
            for (String instant : instants) {
                var asOf = readAsOf(key(), id, instant);
                answers.put("customer " + id + " as of " + instant, asOf.status() + " " + asOf.body());
            }
        }
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            String query = "limit=7" + (cursor == null ? "" : "&starting_after=" + cursor);
            var events = events(key().apiKey(), query);
            answers.put("events " + query, events.status() + " " + events.body());
            var json = page(events);
            if (!json.get("has_more").asBoolean()) {
                break;
            }
            cursor = json.get("data").get(6).get("id").asString();
        }
        answers.put("admin events", adminEvents(sellerId, "limit=100").body());
        return answers;
    }

    @Test
    void rebuilt_customer_events_history_and_feed_equal_the_live_ones() throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");
        String[] secondKey = issueKey(seller.sellerId());
        keys.add(seller);
        for (int i = 0; i < 5; i++) {
            String[] key = issueKey(seller.sellerId());
            keys.add(new SellerWithKey(seller.sellerId(), key[0], key[1]));
        }
        List<String> ids = new ArrayList<>();
        List<String> instants = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            emails.add(uniqueEmail());
            var customer = createCustomer(seller, "{\"first_name\": \"N" + i + "\", \"last_name\": \"L\", \"email\": \""
                    + emails.get(i) + "\", \"company_name\": \"Co\", \"address_data\": {\"city\": \"Berlin\"},"
                    + " \"postal_redirect_address\": {}}");
            ids.add(customer.get("id").asString());
            instants.add(customer.get("created_at").asString());
        }
        tick();
        for (int i = 0; i < 6; i += 2) {
            var updated = patch(secondKey[1], ids.get(i), "{\"last_name\": \"M" + i + "\", \"address_data\": null,"
                    + " \"language\": \"en\", \"legal_entity\": \"GmbH\"}");
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            instants.add(updated.field("updated_at"));
        }
        tick();
        var changedEmail = patchCustomer(seller, ids.get(1), "{\"email\": \"" + uniqueEmail() + "\","
                + " \"status\": \"inactive\", \"company_name\": null}");
        instants.add(changedEmail.get("updated_at").asString());
        tick();
        deleteCustomer(seller, ids.get(2));
        deleteCustomer(seller, ids.get(3));
        // The deleted customer's email is free again.
        var again = createCustomer(seller, "{\"first_name\": \"Again\", \"last_name\": \"L\", \"email\": \""
                + emails.get(3).toUpperCase() + "\"}");
        ids.add(again.get("id").asString());
        tick();
        patchCustomer(seller, again.get("id").asString(), "{\"first_name\": \"Again2\"}");
        for (String id : List.of(ids.get(2), ids.get(3))) {
            var entries = historyEntries(seller, id);
            instants.add(entries.get(entries.size() - 1).get("created_at").asString());
        }
        instants.add(format(java.time.Instant.now().plusSeconds(3600)));

        List<String> rowsBefore = customerEventRows(seller.sellerId());
        Map<String, String> answersBefore = auditAnswers(seller.sellerId(), ids, instants);
        assertThat(rowsBefore).hasSize(6 + 3 + 1 + 2 + 1 + 1);

        long replayed = rebuild.rebuild();

        assertThat(replayed).isPositive();
        List<String> rowsAfter = customerEventRows(seller.sellerId());
        Map<String, String> answersAfter = auditAnswers(seller.sellerId(), ids, instants);
        // Every difference is reported, rows and answers alike.
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(rowsAfter).as("rows of customer_events").hasSameSizeAs(rowsBefore);
            for (int i = 0; i < Math.min(rowsBefore.size(), rowsAfter.size()); i++) {
                softly.assertThat(rowsAfter.get(i)).as("customer_events row %d", i).isEqualTo(rowsBefore.get(i));
            }
            softly.assertThat(answersAfter.keySet()).containsExactlyElementsOf(answersBefore.keySet());
            answersBefore.forEach((call, answer) -> softly.assertThat(answersAfter.get(call)).as(call)
                    .isEqualTo(answer));
        });
    }
}
