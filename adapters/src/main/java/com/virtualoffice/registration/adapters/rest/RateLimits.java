package com.virtualoffice.registration.adapters.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per API key (Bucket4j): a steady rate with room for bursts. Buckets live in this instance's
 * memory, so with N instances a key may reach N times the rate; a key idle past the expiry starts full again.
 * They refill by the service's clock, so that a test moves time on instead of waiting out a Retry-After.
 */
final class RateLimits {

    private final Cache<UUID, Bucket> buckets;
    private final Bandwidth bandwidth;
    private final TimeMeter time;

    RateLimits(long requestsPerSecond, long burst, Duration idleExpiry, InstantSource clock) {
        this.bandwidth = Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(requestsPerSecond, Duration.ofSeconds(1))
                .build();
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idleExpiry).build();
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Empty when the request may go on, else the whole seconds to wait before the next one will be let in. */
    Optional<Long> take(UUID apiKeyId) {
        Bucket bucket = buckets.get(apiKeyId, id -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999)));
    }
}
