package com.virtualoffice.registration.operator;

import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Contract;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the operator tests share: calls of the operator API with the admin token, and looks into the event store
 * (the contract's shapes are checked through {@link Contract}). A base class rather than a helper so that every
 * test runs in the one cached context of {@link ServiceTest}.
 */
abstract class OperatorTestSupport extends ServiceTest {

    /** A key as listed or revoked: the issued key's fields without {@code key}. */
    static final List<String> KEY_FIELDS = List.of("id", "seller_id", "name", "prefix", "expires_at", "last_used_at",
            "revoked_at", "created_at");

    static final String LIMIT_OF_FREE = "Customer limit reached. Your plan allows 10 customers.";

    @Autowired
    JdbcClient jdbc;

    // The operator API, with the admin token.

    Http.Response registerSeller(String json) {
        return http.post("/admin/sellers").bearer(ADMIN_TOKEN).json(json).send();
    }

    Http.Response getSeller(String id) {
        return http.get("/admin/sellers/" + id).bearer(ADMIN_TOKEN).send();
    }

    Http.Response patchSeller(String id, String json) {
        return http.request("PATCH", "/admin/sellers/" + id).bearer(ADMIN_TOKEN).json(json).send();
    }

    Http.Response issueKey(String sellerId, String json) {
        return http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN).json(json).send();
    }

    Http.Response listKeys(String sellerId) {
        return http.get("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN).send();
    }

    Http.Response revokeKey(String keyId) {
        return http.post("/admin/api-keys/" + keyId + "/revoke").bearer(ADMIN_TOKEN).send();
    }

    Http.Response deleteKey(String keyId) {
        return http.request("DELETE", "/admin/api-keys/" + keyId).bearer(ADMIN_TOKEN).send();
    }

    // The seller API.

    Http.Response createCustomer(String apiKey) {
        return http.post("/api/customers").apiKey(apiKey).json(Customers.withEmail(uniqueEmail())).send();
    }

    Http.Response readCustomer(String apiKey, String customerId) {
        return http.get("/api/customers/" + customerId).apiKey(apiKey).send();
    }

    Http.Response deleteCustomer(String apiKey, String customerId) {
        return http.request("DELETE", "/api/customers/" + customerId).apiKey(apiKey).send();
    }

    // Checks.

    static void assertStatus(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    // The event store.

    /** How many events of the seller's aggregate have a payload type ending in {@code SellerEvent$<simpleName>}. */
    int sellerEvents(String sellerId, String simpleName) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :sellerId AND payload_type LIKE :suffix
                        """)
                .param("sellerId", sellerId)
                .param("suffix", "%SellerEvent$" + simpleName)
                .query(Integer.class)
                .single();
    }

    /** The payloads of the seller's events with the given simple type name, oldest first. */
    List<String> sellerEventPayloads(String sellerId, String simpleName) {
        return jdbc.sql("""
                        SELECT convert_from(payload, 'UTF8') FROM domain_event_entry
                        WHERE aggregate_identifier = :sellerId AND payload_type LIKE :suffix
                        ORDER BY sequence_number
                        """)
                .param("sellerId", sellerId)
                .param("suffix", "%SellerEvent$" + simpleName)
                .query(String.class)
                .list();
    }

    /** Events (any aggregate) whose payload or metadata holds the text. */
    int eventsHolding(String needle) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE position(:needle in convert_from(payload, 'UTF8')) > 0
                           OR position(:needle in coalesce(convert_from(meta_data, 'UTF8'), '')) > 0
                        """)
                .param("needle", needle)
                .query(Integer.class)
                .single();
    }
}
