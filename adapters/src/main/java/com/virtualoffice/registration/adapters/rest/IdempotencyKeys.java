package com.virtualoffice.registration.adapters.rest;

import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, per seller, for a retention period.
 * A key is claimed by one request at a time, in the database, so that concurrent retries on any instance run
 * the operation at most once.
 */
final class IdempotencyKeys {

    sealed interface Claim {
        /** This request owns the key: run it, then {@link #complete} or {@link #release}. */
        record Claimed() implements Claim {
        }

        /** The key's request ran before with the same body: answer what it answered. */
        record Replay(int status, String body) implements Claim {
        }

        /** The key was used with another body. */
        record Mismatch() implements Claim {
        }

        /** The key's first request has not finished yet. */
        record InProgress() implements Claim {
        }
    }

    private final JdbcClient jdbc;
    private final InstantSource clock;
    private final Duration retention;
    private final Duration abandonedAfter;

    IdempotencyKeys(JdbcClient jdbc, InstantSource clock, Duration retention, Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    Claim claim(UUID sellerId, String key, String requestHash) {
        var now = clock.instant();
        // Insert, or take over a key whose answer has expired or whose request died before answering.
        boolean claimed = jdbc.sql("""
                        INSERT INTO idempotency_keys (seller_id, idempotency_key, request_hash, created_at)
                        VALUES (:sellerId, :key, :hash, :now)
                        ON CONFLICT (seller_id, idempotency_key) DO UPDATE
                            SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                                response_status = NULL, response_body = NULL
                            WHERE idempotency_keys.created_at < :expiredBefore
                               OR (idempotency_keys.response_status IS NULL
                                   AND idempotency_keys.created_at < :abandonedBefore)
                        RETURNING true
                        """)
                .param("sellerId", sellerId)
                .param("key", key)
                .param("hash", requestHash)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expiredBefore", now.minus(retention).atOffset(ZoneOffset.UTC))
                .param("abandonedBefore", now.minus(abandonedAfter).atOffset(ZoneOffset.UTC))
                .query(Boolean.class)
                .optional()
                .isPresent();
        if (claimed) {
            return new Claim.Claimed();
        }
        Optional<Claim> existing = jdbc.sql("""
                        SELECT request_hash, response_status, response_body FROM idempotency_keys
                        WHERE seller_id = :sellerId AND idempotency_key = :key
                        """)
                .param("sellerId", sellerId)
                .param("key", key)
                .query((row, n) -> {
                    if (!row.getString("request_hash").equals(requestHash)) {
                        return (Claim) new Claim.Mismatch();
                    }
                    int status = row.getInt("response_status");
                    return row.wasNull() ? new Claim.InProgress() : new Claim.Replay(status,
                            row.getString("response_body"));
                })
                .optional();
        // Released between our insert and our read: the key is free again, so try once more.
        return existing.orElseGet(() -> claim(sellerId, key, requestHash));
    }

    void complete(UUID sellerId, String key, int status, String body) {
        jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = :status, response_body = :body
                        WHERE seller_id = :sellerId AND idempotency_key = :key
                        """)
                .param("status", status)
                .param("body", body)
                .param("sellerId", sellerId)
                .param("key", key)
                .update();
    }

    /** The request failed without an answer worth keeping: a retry with the key may run it again. */
    void release(UUID sellerId, String key) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE seller_id = :sellerId AND idempotency_key = :key")
                .param("sellerId", sellerId)
                .param("key", key)
                .update();
    }

    int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :expiredBefore")
                .param("expiredBefore", clock.instant().minus(retention).atOffset(ZoneOffset.UTC))
                .update();
    }
}
