package com.virtualoffice.registration.adapters.rest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP edge's settings, documented in application.yml.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413 unread
 * @param idempotency how answers to requests with an {@code Idempotency-Key} are kept
 */
@ConfigurationProperties("registration.http")
public record HttpProperties(DataSize maxBodySize, Idempotency idempotency) {

    /**
     * @param retention how long an answer is replayed for its key
     * @param abandonedAfter after this long without an answer, a key's first request is taken to have died
     * @param purgeInterval how often expired answers are deleted
     */
    public record Idempotency(Duration retention, Duration abandonedAfter, Duration purgeInterval) {
    }
}
