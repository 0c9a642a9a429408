package com.virtualoffice.registration.adapters.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Failed authentications per client address (a Bucket4j bucket each): past the limit, the address is answered 429
 * before its key is even looked at, so guessing keys costs the service nothing and the database no lookup. Other
 * addresses, and so other clients' valid keys, are untouched. Behind a reverse proxy the address is the proxy's
 * unless the service is told to trust its forwarding headers ({@code server.forward-headers-strategy}).
 */
final class FailedAuthentications {

    private static final int MAX_ADDRESSES = 100_000;

    private final Cache<String, Bucket> buckets;
    private final Bandwidth bandwidth;

    FailedAuthentications(long attempts, Duration per) {
        this.bandwidth = Bandwidth.builder().capacity(attempts).refillIntervally(attempts, per).build();
        // An address idle for "per" has its bucket full again: forgetting it then changes nothing.
        this.buckets = Caffeine.newBuilder().expireAfterAccess(per).maximumSize(MAX_ADDRESSES).build();
    }

    /** Empty while the address may still try, else the whole seconds until it may try again. */
    Optional<Long> blocked(String clientAddress) {
        Bucket bucket = buckets.getIfPresent(clientAddress);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Optional.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999)));
    }

    void failed(String clientAddress) {
        buckets.get(clientAddress, address -> Bucket.builder().addLimit(bandwidth).build()).tryConsume(1);
    }
}
