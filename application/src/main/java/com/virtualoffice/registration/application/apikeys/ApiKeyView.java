package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import java.time.Instant;
import java.util.UUID;

/** An API key as operators see it: never the key itself, nor its hash. */
public record ApiKeyView(UUID id, UUID sellerId, String name, String prefix, Instant expiresAt, Instant lastUsedAt,
                         Instant revokedAt, Instant createdAt) {

    public static ApiKeyView issued(ApiKeyIssued event) {
        return new ApiKeyView(event.apiKeyId(), event.sellerId(), event.name(), event.keyPrefix(),
                event.expiresAt(), null, null, event.issuedAt());
    }
}
