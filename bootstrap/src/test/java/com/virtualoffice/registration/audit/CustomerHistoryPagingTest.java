package com.virtualoffice.registration.audit;

import static com.virtualoffice.registration.support.Contract.assertCustomerNotFound;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/customers/{id}/history?limit=&starting_after=}: pages like the other lists, oldest first. */
class CustomerHistoryPagingTest extends AuditSupport {

    private static final String UNKNOWN_CURSOR =
            "querystring/starting_after must be the id of one of this customer's events";

    /** A customer with a creation and then {@code renames} updates, each to last name "Name{n}". */
    private String customerWithRenames(SellerWithKey seller, int renames) {
        String id = createCustomer(seller, "{\"first_name\": \"Ada\", \"last_name\": \"Name0\", \"email\": \""
                + uniqueEmail() + "\"}").get("id").asString();
        for (int n = 1; n <= renames; n++) {
            patchCustomer(seller, id, "{\"last_name\": \"Name" + n + "\"}");
        }
        return id;
    }

    @Test
    void given_five_events_when_paged_by_two_then_each_page_continues_after_the_last_entry_of_the_one_before() {
        var seller = operator.sellerOn("free");
        String id = customerWithRenames(seller, 4);

        JsonNode first = page(history(seller, id, "limit=2"));
        JsonNode second = page(history(seller, id, "limit=2&starting_after=" + lastId(first)));
        JsonNode third = page(history(seller, id, "limit=2&starting_after=" + lastId(second)));

        assertThat(first.get("has_more").asBoolean()).isTrue();
        assertThat(second.get("has_more").asBoolean()).isTrue();
        assertThat(third.get("has_more").asBoolean()).isFalse();
        assertThat(first.get("data").get(0).get("type").asString()).isEqualTo("customer.created");
        // A page's first entry is measured against the event before it, which is on the previous page.
        JsonNode rename = second.get("data").get(0).get("changes").get("last_name");
        assertThat(rename.get("from").asString()).isEqualTo("Name1");
        assertThat(rename.get("to").asString()).isEqualTo("Name2");
        List<String> paged = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            paged.addAll(ids(page.get("data")));
        }
        assertThat(paged).containsExactlyElementsOf(ids(historyEntries(seller, id)));
    }

    @Test
    void given_more_than_twenty_events_when_no_limit_is_given_then_the_page_has_twenty() {
        var seller = operator.sellerOn("free");
        String id = customerWithRenames(seller, 21);

        JsonNode page = page(history(seller, id));

        assertThat(page.get("data").size()).isEqualTo(20);
        assertThat(page.get("has_more").asBoolean()).isTrue();
        assertThat(historyEntries(seller, id).size()).isEqualTo(22);
    }

    @Test
    void given_a_limit_outside_one_to_a_hundred_then_400() {
        var seller = operator.sellerOn("free");
        String id = customerWithRenames(seller, 0);

        assertError(history(seller, id, "limit=0"), 400, "Bad Request", "querystring/limit must be >= 1");
        assertError(history(seller, id, "limit=101"), 400, "Bad Request", "querystring/limit must be <= 100");
        assertError(history(seller, id, "limit=x"), 400, "Bad Request", "querystring/limit must be integer");
    }

    @Test
    void given_a_cursor_that_is_not_an_event_of_this_customer_then_400_and_an_unknown_customer_stays_404() {
        var seller = operator.sellerOn("free");
        String id = customerWithRenames(seller, 0);
        String otherCustomer = customerWithRenames(seller, 0);
        String othersEvent = lastId(page(history(seller, otherCustomer)));

        assertError(history(seller, id, "starting_after=" + othersEvent), 400, "Bad Request", UNKNOWN_CURSOR);
        assertError(history(seller, id, "starting_after=evt_nonsense"), 400, "Bad Request", UNKNOWN_CURSOR);
        assertCustomerNotFound(history(seller, UUID.randomUUID().toString(), "starting_after=" + othersEvent));
    }

    private static String lastId(JsonNode page) {
        JsonNode data = page.get("data");
        return data.get(data.size() - 1).get("id").asString();
    }
}
