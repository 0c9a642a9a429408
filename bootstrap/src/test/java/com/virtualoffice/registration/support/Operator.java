package com.virtualoffice.registration.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Onboards sellers for tests through the operator API, as an operator would. */
public final class Operator {

    private final Http http;
    private final String adminToken;

    public Operator(Http http, String adminToken) {
        this.http = http;
        this.adminToken = adminToken;
    }

    public record SellerWithKey(String sellerId, String apiKeyId, String apiKey) {
    }

    public SellerWithKey sellerOn(String plan) {
        Http.Response seller = http.post("/admin/sellers").bearer(adminToken)
                .json("{\"name\": \"Test seller\", \"plan\": \"" + plan + "\"}").send();
        assertThat(seller.status()).as(seller.body()).isEqualTo(201);
        String sellerId = seller.field("id");
        Http.Response key = http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(adminToken)
                .json("{\"name\": \"test\"}").send();
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return new SellerWithKey(sellerId, key.field("id"), key.field("key"));
    }
}
