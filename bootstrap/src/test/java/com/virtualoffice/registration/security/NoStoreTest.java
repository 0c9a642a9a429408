package com.virtualoffice.registration.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers that carry a full API key or a webhook secret are never kept by a cache; nor is anything else. */
class NoStoreTest extends ServiceTest {

    private static void assertNoStore(Http.Response response) {
        assertThat(response.header("Cache-Control")).as("Cache-Control of %d %s", response.status(),
                response.body()).hasValue("no-store");
    }

    @Test
    void given_a_new_api_key_or_webhook_secret_when_answered_then_no_store() {
        String sellerId = http.post("/admin/sellers").bearer(ADMIN_TOKEN).json("{\"name\":\"Cached\"}").send()
                .field("id");

        Http.Response key = http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN).json("{}")
                .send();
        assertThat(key.field("key")).startsWith("sk_live_");
        Http.Response endpoint = http.post("/api/webhook-endpoints").apiKey(key.field("key"))
                .json("{\"url\":\"https://hooks.example.com/no-store\",\"events\":[\"customer.created\"]}").send();
        assertThat(endpoint.field("secret")).startsWith("whsec_");

        assertNoStore(key);
        assertNoStore(endpoint);
    }

    @Test
    void given_any_other_answer_then_no_store_too() {
        var seller = operator.sellerOn("free");
        for (Http.Response response : List.of(
                http.get("/api/customers").apiKey(seller.apiKey()).send(),
                http.get("/api/customers").send(),
                http.get("/admin/sellers/" + seller.sellerId()).bearer(ADMIN_TOKEN).send(),
                http.get("/nowhere").send(),
                http.get("/actuator/health").send())) {
            assertNoStore(response);
        }
    }
}
