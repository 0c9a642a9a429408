package com.virtualoffice.registration.adapters.rest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP edge's settings, documented in application.yml.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413 unread
 * @param idempotency how answers to requests with an {@code Idempotency-Key} are kept
 * @param rateLimit how many requests each API key may make
 * @param failedAuthentication how many failed authentications each client address may make
 */
@ConfigurationProperties("registration.http")
public record HttpProperties(DataSize maxBodySize, Idempotency idempotency, RateLimit rateLimit,
                             FailedAuthentication failedAuthentication) {

    /**
     * @param attempts failed authentications a client address may make...
     * @param per ...in this time, after which it gets 429 before any key is looked at
     * @param unknownKeysRemembered how long a key found in no seller's keys is answered 401 without a lookup
     */
    public record FailedAuthentication(long attempts, Duration per, Duration unknownKeysRemembered) {
    }

    /**
     * @param requestsPerSecond the steady rate a key may keep up
     * @param burst how many requests a key may make at once after being idle
     * @param idleExpiry after this long unused, a key's bucket is forgotten (and starts full again)
     */
    public record RateLimit(long requestsPerSecond, long burst, Duration idleExpiry) {
    }

    /**
     * @param retention how long an answer is replayed for its key
     * @param abandonedAfter after this long without an answer, a key's first request is taken to have died
     * @param purgeInterval how often expired answers are deleted
     * @param releaseRetryInterval how often the key of a request that failed while the database was away is
     *                             offered back for a retry, until the database takes it
     */
    public record Idempotency(Duration retention, Duration abandonedAfter, Duration purgeInterval,
                              Duration releaseRetryInterval) {
    }
}
