package com.virtualoffice.registration.adapters.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory.StoredApiKey;
import com.virtualoffice.registration.application.apikeys.IssuedKeys;
import java.util.Optional;

/**
 * Valid keys by hash in this instance's memory, up to a number (Caffeine evicts the least used). What it holds of
 * a key never changes, so nothing expires it; a key refused by a lookup is forgotten.
 */
final class IssuedKeyMemory implements IssuedKeys {

    /** A few hundred bytes each: some megabytes at most. A key evicted costs one lookup on its next write. */
    private static final int CAPACITY = 10_000;

    private final Cache<String, StoredApiKey> keys = Caffeine.newBuilder().maximumSize(CAPACITY).build();

    @Override
    public Optional<StoredApiKey> find(String hash) {
        return Optional.ofNullable(keys.getIfPresent(hash));
    }

    @Override
    public void remember(StoredApiKey key) {
        keys.put(key.hash(), key);
    }

    @Override
    public void forget(String hash) {
        keys.invalidate(hash);
    }
}
