package com.virtualoffice.registration.application.sellers;

import com.virtualoffice.registration.domain.CustomerLimit;
import java.time.Instant;
import java.util.UUID;

/**
 * A seller as operators see it, with what tells them whether it is in good shape.
 *
 * @param activeApiKeys keys that authenticate now: neither revoked nor expired
 * @param failingWebhookDeliveries deliveries to its endpoints that failed and are still being retried
 * @param deadWebhookDeliveries deliveries given up on, which only a retry sends again
 */
public record SellerView(UUID id, String name, String plan, CustomerLimit customerLimit, int customerCount,
                         int activeApiKeys, int failingWebhookDeliveries, int deadWebhookDeliveries,
                         Instant createdAt, Instant updatedAt) {
}
