package com.virtualoffice.registration.application.apikeys;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sellers' API keys: found by hash for authentication, by id and by seller for operators. */
public interface ApiKeyDirectory {

    record StoredApiKey(UUID id, UUID sellerId, String prefix, String hash, Instant expiresAt, Instant revokedAt) {
    }

    /** The key a request presents, by the hash of the key, with one indexed read. */
    Optional<StoredApiKey> findByHash(String hash);

    Optional<ApiKeyView> find(UUID apiKeyId);

    /** A seller's keys that are not deleted, oldest first. */
    List<ApiKeyView> ofSeller(UUID sellerId);
}
