package com.virtualoffice.registration.application.apikeys;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Finds the key a request presents, by the hash of the key, with one indexed read. */
public interface ApiKeyDirectory {

    record StoredApiKey(UUID id, UUID sellerId, String prefix, String hash, Instant expiresAt, Instant revokedAt) {
    }

    Optional<StoredApiKey> findByHash(String hash);
}
