package com.virtualoffice.registration.adapters.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.virtualoffice.registration.application.apikeys.UnknownKeys;
import java.time.Duration;

/** Unknown key hashes in this instance's memory, for a while and up to a number (Caffeine evicts the rest). */
final class UnknownKeyMemory implements UnknownKeys {

    private static final int CAPACITY = 100_000;

    private final Cache<String, Boolean> hashes;

    UnknownKeyMemory(Duration remembered) {
        this.hashes = Caffeine.newBuilder().expireAfterWrite(remembered).maximumSize(CAPACITY).build();
    }

    @Override
    public boolean isRemembered(String hash) {
        return hashes.getIfPresent(hash) != null;
    }

    @Override
    public void remember(String hash) {
        hashes.put(hash, Boolean.TRUE);
    }
}
