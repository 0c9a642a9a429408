package com.virtualoffice.registration.adapters.rest;

import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, per seller, for a retention period.
 * A key is claimed by one request at a time, in the database, so that concurrent retries on any instance run
 * the operation at most once.
 *
 * <p>A request that fails gives its key back, so that a retry runs it again. When it failed because the database
 * went away, giving the key back fails too; the claim would then hold the key until it counts as abandoned, and
 * every retry in between would hear "still being processed". Such a release is owed instead, and paid as soon as
 * the database answers again ({@link #releaseOwed}).
 */
final class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    sealed interface Claim {
        /** This request owns the key since {@code at}: run it, then {@link #complete} or {@link #release}. */
        record Claimed(OffsetDateTime at) implements Claim {
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
    private final Set<OwnClaim> owed = ConcurrentHashMap.newKeySet();

    /** A claim of this instance's, known by when it was made: a later claim of the same key is not ours. */
    private record OwnClaim(UUID sellerId, String key, OffsetDateTime at) {
    }

    IdempotencyKeys(JdbcClient jdbc, InstantSource clock, Duration retention, Duration abandonedAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
    }

    Claim claim(UUID sellerId, String key, String requestHash) {
        // PostgreSQL keeps microseconds: the claim's time must read back as written to name the claim.
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
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
            return new Claim.Claimed(now.atOffset(ZoneOffset.UTC));
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

    /**
     * The request failed without an answer worth keeping: a retry with the key may run it again. Should the
     * database not take the release now, it is owed; the request's own failure is what its caller hears.
     */
    void release(UUID sellerId, String key, Claim.Claimed claim) {
        var own = new OwnClaim(sellerId, key, claim.at());
        try {
            giveBack(own);
        } catch (DataAccessException unreachable) {
            owed.add(own);
            log.warn("could not release idempotency key {} of seller {} now, will retry: {}", key, sellerId,
                    unreachable.toString());
        }
    }

    /** Gives back the keys whose release failed, until the database refuses again; returns how many stay owed. */
    int releaseOwed() {
        for (OwnClaim own : owed) {
            giveBack(own);
            owed.remove(own);
        }
        return owed.size();
    }

    /** Only while it is still this claim, unanswered: never a later request's claim, never a stored answer. */
    private void giveBack(OwnClaim own) {
        jdbc.sql("""
                        DELETE FROM idempotency_keys
                        WHERE seller_id = :sellerId AND idempotency_key = :key AND created_at = :at
                            AND response_status IS NULL
                        """)
                .param("sellerId", own.sellerId())
                .param("key", own.key())
                .param("at", own.at())
                .update();
    }

    int purgeExpired() {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :expiredBefore")
                .param("expiredBefore", clock.instant().minus(retention).atOffset(ZoneOffset.UTC))
                .update();
    }
}
