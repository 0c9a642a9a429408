package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.json.JsonTimestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.virtualoffice.registration.application.apikeys.ApiKeyView;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase.IssuedApiKey;
import com.virtualoffice.registration.application.sellers.SellerView;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** The operator API's seller object; {@code customer_limit} is null on an unlimited plan. */
@JsonNaming(SnakeCaseStrategy.class)
@JsonPropertyOrder({"id", "name", "plan", "customer_limit", "customer_count", "created_at", "updated_at"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record SellerJson(String id, String name, String plan, Integer customerLimit, int customerCount, String createdAt,
                  String updatedAt) {

    static SellerJson of(SellerView seller) {
        var limit = seller.customerLimit().maximum();
        return new SellerJson(seller.id().toString(), seller.name(), seller.plan(),
                limit.isPresent() ? limit.getAsInt() : null, seller.customerCount(),
                JsonTimestamps.format(seller.createdAt()), JsonTimestamps.format(seller.updatedAt()));
    }

    /** An API key; the full {@code key} is present only in the answer that issues it. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "seller_id", "name", "prefix", "key", "expires_at", "last_used_at", "revoked_at",
            "created_at"})
    record ApiKeyJson(String id, String sellerId, String name, String prefix,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String key, String expiresAt, String lastUsedAt,
                      String revokedAt, String createdAt) {

        static ApiKeyJson issued(IssuedApiKey issued) {
            return of(issued.key(), issued.secret().value());
        }

        static ApiKeyJson of(ApiKeyView key, String fullKey) {
            return new ApiKeyJson(key.id().toString(), key.sellerId().toString(), key.name(), key.prefix(), fullKey,
                    JsonTimestamps.format(key.expiresAt()), JsonTimestamps.format(key.lastUsedAt()),
                    JsonTimestamps.format(key.revokedAt()), JsonTimestamps.format(key.createdAt()));
        }
    }
}
