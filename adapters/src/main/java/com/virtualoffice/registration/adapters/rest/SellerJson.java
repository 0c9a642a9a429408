package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.json.JsonTimestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.virtualoffice.registration.application.apikeys.ApiKeyView;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase.IssuedApiKey;
import com.virtualoffice.registration.application.sellers.SellerView;
import com.virtualoffice.registration.domain.CustomerLimit;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** The operator API's seller object; {@code customer_limit} is null on an unlimited plan. */
@JsonNaming(SnakeCaseStrategy.class)
@JsonPropertyOrder({"id", "name", "plan", "customer_limit", "customer_count", "active_api_keys",
        "failing_webhook_deliveries", "dead_webhook_deliveries", "created_at", "updated_at"})
@JsonInclude(JsonInclude.Include.ALWAYS)
record SellerJson(String id, String name, String plan, Integer customerLimit, int customerCount, int activeApiKeys,
                  int failingWebhookDeliveries, int deadWebhookDeliveries, String createdAt, String updatedAt) {

    static SellerJson of(SellerView seller) {
        return new SellerJson(seller.id().toString(), seller.name(), seller.plan(), limit(seller.customerLimit()),
                seller.customerCount(), seller.activeApiKeys(), seller.failingWebhookDeliveries(),
                seller.deadWebhookDeliveries(), JsonTimestamps.format(seller.createdAt()),
                JsonTimestamps.format(seller.updatedAt()));
    }

    /** A page of the seller list: {@code {"data": [...], "has_more": ...}}. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"data", "has_more"})
    record SellerListJson(List<SellerJson> data, boolean hasMore) {
    }

    /** {@code {"data": [plan, ...]}}. */
    record PlanListJson(List<PlanJson> data) {
    }

    /** A plan; {@code customer_limit} is null when it is unlimited. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"name", "customer_limit", "default"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlanJson(String name, Integer customerLimit, @JsonProperty("default") boolean isDefault) {

        static PlanJson of(String name, CustomerLimit limit, boolean isDefault) {
            return new PlanJson(name, limit(limit), isDefault);
        }
    }

    private static Integer limit(CustomerLimit limit) {
        return limit.maximum().isPresent() ? limit.maximum().getAsInt() : null;
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
