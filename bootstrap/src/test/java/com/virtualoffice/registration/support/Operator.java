package com.virtualoffice.registration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
        return sellerOn(plan, "{\"name\": \"test\"}");
    }

    /** A seller whose key expires at {@code expiry}. */
    public SellerWithKey sellerWithKeyExpiringAt(String plan, Instant expiry) {
        return sellerOn(plan, "{\"name\": \"test\", \"expires_at\": \"" + expiry + "\"}");
    }

    /** Revokes the seller's key, as an operator does. */
    public void revoke(SellerWithKey seller) {
        Http.Response revoked = http.post("/admin/api-keys/" + seller.apiKeyId() + "/revoke").bearer(adminToken)
                .send();
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    }

    private SellerWithKey sellerOn(String plan, String keyJson) {
        Http.Response seller = http.post("/admin/sellers").bearer(adminToken)
                .json("{\"name\": \"Test seller\", \"plan\": \"" + plan + "\"}").send();
        assertThat(seller.status()).as(seller.body()).isEqualTo(201);
        String sellerId = seller.field("id");
        Http.Response key = http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(adminToken)
                .json(keyJson).send();
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return new SellerWithKey(sellerId, key.field("id"), key.field("key"));
    }
}
