package com.virtualoffice.registration.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Shared vocabulary of the customer lifecycle tests (update, delete, list, idempotency, races): calls of the
 * customer API as a seller makes them, and checks of the contract's conventions (API.md, "Conventions").
 */
abstract class LifecycleSupport extends ServiceTest {

    static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

    /** The customer object's fields, in the contract's order. */
    static final List<String> CUSTOMER_FIELDS = List.of("id", "seller_id", "first_name", "last_name", "email",
            "company_name", "legal_entity", "language", "address_data", "postal_redirect_address", "status", "source",
            "created_at", "updated_at");

    private static final AtomicLong SEQUENCE = new AtomicLong();

    /** An email address no other test uses; it holds neither {@code _} nor {@code %}, which list tests search for. */
    static String uniqueEmail() {
        return "lc-" + System.nanoTime() + "-" + SEQUENCE.incrementAndGet() + "@example.com";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

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

    static List<String> ids(JsonNode data) {
        assertThat(data.isArray()).as("%s is an array", data).isTrue();
        List<String> ids = new ArrayList<>();
        data.forEach(customer -> ids.add(customer.get("id").asString()));
        return ids;
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

    static List<String> propertyNames(JsonNode object) {
        assertThat(object.isObject()).as("%s is an object", object).isTrue();
        return new ArrayList<>(object.propertyNames());
    }

    /** An error answer of exactly {@code {"error": <reason>, "message": <message>}}. */
    static void assertError(Http.Response response, int status, String error, String message) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response.body())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = response.json();
        assertThat(propertyNames(json)).as(response.body()).containsExactly("error", "message");
        assertThat(json.get("error").isString()).as(response.body()).isTrue();
        assertThat(json.get("message").isString()).as(response.body()).isTrue();
        assertThat(json.get("error").asString()).as(response.body()).isEqualTo(error);
        assertThat(json.get("message").asString()).as(response.body()).isEqualTo(message);
    }

    static void assertBadRequest(Http.Response response, String message) {
        assertError(response, 400, "Bad Request", message);
    }

    static void assertCustomerNotFound(Http.Response response) {
        assertError(response, 404, "Not Found", "Customer not found");
    }

    static void assertEmailTaken(Http.Response response) {
        assertError(response, 409, "Conflict", "A customer with this email already exists");
    }

    /** A whole customer object: every field, in order, with well-formed timestamps. */
    static void assertCustomerShape(JsonNode customer) {
        assertThat(propertyNames(customer)).containsExactlyElementsOf(CUSTOMER_FIELDS);
        assertThat(customer.get("created_at").asString()).matches(TIMESTAMP);
        assertThat(customer.get("updated_at").asString()).matches(TIMESTAMP);
    }

    // --- concurrency ---------------------------------------------------------------------------------------

    /**
     * Runs the calls all at once: each is prepared on its own thread, then all are released together by a latch.
     * Returns the answers in the order of the calls.
     */
    static <T> List<T> inParallel(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(calls.size())) {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(clients.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
