package com.virtualoffice.registration.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.rest.IdempotencyKeys.Claim;
import com.virtualoffice.registration.support.ServiceTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Claims and releases of Idempotency-Keys on the real PostgreSQL. The database "goes away" by the connection pool
 * refusing connections, as Hikari does while PostgreSQL is down.
 */
class IdempotencyKeysTest extends ServiceTest {

    private static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    private static final String BODY_HASH = "hash-of-the-body";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcClient jdbc;

    private final UUID seller = UUID.randomUUID();
    private final String key = "key-" + UUID.randomUUID();
    private SwitchableDataSource database;
    private IdempotencyKeys keys;

    @BeforeEach
    void keysOnASwitchableDatabase() {
        database = new SwitchableDataSource(dataSource);
        keys = new IdempotencyKeys(JdbcClient.create(database), InstantSource.system(), RETENTION, ABANDONED_AFTER);
    }

    @Test
    void given_a_claimed_key_when_its_request_fails_and_releases_it_then_a_retry_claims_it() {
        var claim = (Claim.Claimed) keys.claim(seller, key, BODY_HASH);

        keys.release(seller, key, claim);

        assertThat(keys.claim(seller, key, BODY_HASH)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void given_the_database_away_when_a_request_releases_its_key_then_the_release_is_owed_and_paid_once_it_is_back() {
        releaseWhileTheDatabaseIsAway();

        database.away = false;
        assertThat(keys.claim(seller, key, BODY_HASH)).as("before the owed release").isEqualTo(new Claim.InProgress());
        assertThat(keys.releaseOwed()).isZero();
        assertThat(keys.claim(seller, key, BODY_HASH)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void given_the_database_still_away_when_paying_owed_releases_then_they_stay_owed() {
        releaseWhileTheDatabaseIsAway();

        try {
            keys.releaseOwed();
        } catch (RuntimeException stillAway) {
            // what the schedule logs and retries
        }

        database.away = false;
        assertThat(keys.releaseOwed()).isZero();
        assertThat(keys.claim(seller, key, BODY_HASH)).isInstanceOf(Claim.Claimed.class);
    }

    @Test
    void given_an_owed_release_when_the_key_was_claimed_again_meanwhile_then_paying_it_leaves_the_new_claim() {
        releaseWhileTheDatabaseIsAway();
        database.away = false;
        // Another instance took the key over (abandoned, say) and answered.
        jdbc.sql("UPDATE idempotency_keys SET created_at = created_at + interval '1 second', response_status = 201,"
                        + " response_body = '{}' WHERE seller_id = :seller AND idempotency_key = :key")
                .param("seller", seller).param("key", key).update();

        keys.releaseOwed();

        assertThat(keys.claim(seller, key, BODY_HASH)).isEqualTo(new Claim.Replay(201, "{}"));
    }

    /** A request claims the key, then fails with the database gone, and so does its release; it stays away. */
    private void releaseWhileTheDatabaseIsAway() {
        var claim = (Claim.Claimed) keys.claim(seller, key, BODY_HASH);
        database.away = true;
        keys.release(seller, key, claim);
    }

    /** Refuses connections while {@code away}, as the pool does while PostgreSQL is down. */
    private static final class SwitchableDataSource extends DelegatingDataSource {

        volatile boolean away;

        SwitchableDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (away) {
                throw new SQLTransientConnectionException("Connection is not available (the database is away)");
            }
            return super.getConnection();
        }
    }
}
