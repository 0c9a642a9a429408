package com.virtualoffice.registration.operator;

import static com.virtualoffice.registration.support.Contract.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, "Operator API": every {@code /admin/**} call without the admin token, with a wrong one, or with a
 * seller's API key in its place is 401 "Invalid admin token", and changes nothing.
 */
class AdminGuardTest extends OperatorTestSupport {

    private static final String INVALID_ADMIN_TOKEN = "Invalid admin token";

    /** Every operator call, against a real seller and key so that only the token can be the reason for a 401. */
    private List<Http.Request> everyAdminCall(String sellerId, String keyId, UnaryOperator<Http.Request> credentials) {
        return List.of(
                credentials.apply(http.post("/admin/sellers").json("{\"name\":\"Intruder\"}")),
                credentials.apply(http.get("/admin/sellers/" + sellerId)),
                credentials.apply(http.request("PATCH", "/admin/sellers/" + sellerId).json("{\"plan\":\"enterprise\"}")),
                credentials.apply(http.post("/admin/sellers/" + sellerId + "/api-keys").json("{\"name\":\"stolen\"}")),
                credentials.apply(http.get("/admin/sellers/" + sellerId + "/api-keys")),
                credentials.apply(http.post("/admin/api-keys/" + keyId + "/revoke")),
                credentials.apply(http.request("DELETE", "/admin/api-keys/" + keyId)),
                // Unknown ids and bad bodies too: the token is checked first.
                credentials.apply(http.get("/admin/sellers/" + UUID.randomUUID())),
                credentials.apply(http.post("/admin/sellers").json("[]")),
                credentials.apply(http.request("DELETE", "/admin/api-keys/not-a-uuid")));
    }

    private void assertAllRefused(UnaryOperator<Http.Request> credentials, String what) {
        var seller = operator.sellerOn("free");
        int sellerEventsBefore = jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(seller.sellerId()).query(Integer.class).single();

        for (Http.Request call : everyAdminCall(seller.sellerId(), seller.apiKeyId(), credentials)) {
            var response = call.send();
            assertThat(response.status()).as("%s: %s", what, response.body()).isEqualTo(401);
            assertError(response, 401, "Unauthorized", INVALID_ADMIN_TOKEN);
        }

        // Nothing happened: same plan, same single key, still working, no new events for the seller.
        var read = getSeller(seller.sellerId());
        assertThat(read.field("plan")).isEqualTo("free");
        var keys = listKeys(seller.sellerId()).json().get("data");
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).get("revoked_at").isNull()).isTrue();
        assertError(http.get("/api/customers/" + UUID.randomUUID()).apiKey(seller.apiKey()).send(), 404, "Not Found",
                "Customer not found");
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")
                .param(seller.sellerId()).query(Integer.class).single()).isEqualTo(sellerEventsBefore);
    }

    @Test
    void given_no_token_when_calling_any_operator_endpoint_then_401_invalid_admin_token() {
        assertAllRefused(request -> request, "no token");
    }

    @Test
    void given_a_wrong_token_when_calling_any_operator_endpoint_then_401_invalid_admin_token() {
        assertAllRefused(request -> request.bearer("wrong-token"), "wrong token");
        assertAllRefused(request -> request.bearer(ADMIN_TOKEN + "x"), "token with a suffix");
        assertAllRefused(request -> request.header("Authorization", "Basic " + ADMIN_TOKEN), "basic scheme");
        assertAllRefused(request -> request.header("X-API-Key", ADMIN_TOKEN), "token in X-API-Key");
    }

    @Test
    void given_a_sellers_own_api_key_when_calling_any_operator_endpoint_then_401_invalid_admin_token() {
        var other = operator.sellerOn("free");
        assertAllRefused(request -> request.bearer(other.apiKey()), "a seller key as bearer");
        assertAllRefused(request -> request.header("X-API-Key", other.apiKey()), "a seller key as X-API-Key");
    }

    @Test
    void given_a_sellers_key_as_bearer_on_its_own_key_then_it_can_neither_revoke_nor_delete_it() {
        var seller = operator.sellerOn("free");

        assertError(http.post("/admin/api-keys/" + seller.apiKeyId() + "/revoke").bearer(seller.apiKey()).send(),
                401, "Unauthorized", INVALID_ADMIN_TOKEN);
        assertError(http.request("DELETE", "/admin/api-keys/" + seller.apiKeyId()).bearer(seller.apiKey()).send(),
                401, "Unauthorized", INVALID_ADMIN_TOKEN);
        assertError(http.request("PATCH", "/admin/sellers/" + seller.sellerId()).bearer(seller.apiKey())
                .json("{\"plan\":\"enterprise\"}").send(), 401, "Unauthorized", INVALID_ADMIN_TOKEN);

        assertError(http.get("/api/customers/" + UUID.randomUUID()).apiKey(seller.apiKey()).send(), 404, "Not Found",
                "Customer not found");
        assertThat(getSeller(seller.sellerId()).field("plan")).isEqualTo("free");
        assertThat(sellerEvents(seller.sellerId(), "ApiKeyRevoked")).isZero();
        assertThat(sellerEvents(seller.sellerId(), "ApiKeyDeleted")).isZero();
    }
}
