package com.virtualoffice.registration.lifecycle;

import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.ids;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.AtOnce;
import com.virtualoffice.registration.support.Contract;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import tools.jackson.databind.JsonNode;

/**
 * Shared vocabulary of the customer lifecycle tests (update, delete, list, idempotency, races): calls of the
 * customer API as a seller makes them. The contract's conventions are checked through {@link Contract}, as in
 * every other test package.
 */
abstract class LifecycleSupport extends ServiceTest {

    // --- calls ---------------------------------------------------------------------------------------------

    Http.Response create(SellerWithKey seller, String json) {
        return http.post("/api/customers").apiKey(seller.apiKey()).json(json).send();
    }

    /** Creates a customer that must be accepted; returns its JSON. */
    JsonNode createCustomer(SellerWithKey seller, String json) {
        Http.Response created = create(seller, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    String createCustomerWithEmail(SellerWithKey seller, String email) {
        return createCustomer(seller, Customers.withEmail(email)).get("id").asString();
    }

    Http.Response read(SellerWithKey seller, String id) {
        return http.get("/api/customers/" + id).apiKey(seller.apiKey()).send();
    }

    Http.Response patch(SellerWithKey seller, String id, String json) {
        return http.request("PATCH", "/api/customers/" + id).apiKey(seller.apiKey()).json(json).send();
    }

    Http.Response delete(SellerWithKey seller, String id) {
        return http.request("DELETE", "/api/customers/" + id).apiKey(seller.apiKey()).send();
    }

    /** GET /api/customers with a raw (already encoded) query string, possibly empty. */
    Http.Response list(SellerWithKey seller, String query) {
        return http.get("/api/customers" + (query.isEmpty() ? "" : "?" + query)).apiKey(seller.apiKey()).send();
    }

    /** The ids of one page, in the order listed; the page must be a 200. */
    List<String> listIds(SellerWithKey seller, String query) {
        Http.Response page = list(seller, query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ids(page.json().get("data"));
    }

    JsonNode adminSeller(String sellerId) {
        Http.Response seller = http.get("/admin/sellers/" + sellerId).bearer(ADMIN_TOKEN).send();
        assertThat(seller.status()).as(seller.body()).isEqualTo(200);
        return seller.json();
    }

    int customerCount(String sellerId) {
        return adminSeller(sellerId).get("customer_count").asInt();
    }

    /** Every customer the seller's list shows, paging with the largest page. */
    List<String> allListedIds(SellerWithKey seller, String filter) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 1000; guard++) {
            String query = "limit=100" + (filter.isEmpty() ? "" : "&" + filter)
                    + (cursor == null ? "" : "&starting_after=" + cursor);
            Http.Response page = list(seller, query);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            List<String> ids = ids(page.json().get("data"));
            all.addAll(ids);
            if (!page.json().get("has_more").asBoolean() || ids.isEmpty()) {
                return all;
            }
            cursor = ids.getLast();
        }
        throw new AssertionError("the list never ended");
    }

    // --- checks --------------------------------------------------------------------------------------------

    static void assertEmailTaken(Http.Response response) {
        assertError(response, 409, "Conflict", "A customer with this email already exists");
    }

    // --- concurrency ---------------------------------------------------------------------------------------

    /** Runs the calls all at once ({@link AtOnce}); the answers in the order of the calls. */
    static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        return AtOnce.run(calls);
    }
}
