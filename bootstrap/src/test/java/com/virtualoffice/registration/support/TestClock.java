package com.virtualoffice.registration.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: the system's, plus however far tests have moved it on. A test that needs time to
 * pass (a key to expire, a later millisecond) moves it on instead of waiting. It only ever moves forwards, like
 * time, so whatever else runs in the same service sees nothing a slower machine could not show it; and tests
 * that compare the service's times with "now" ask this clock, not the system's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    private static final AtomicLong AHEAD_NANOS = new AtomicLong();

    /** The service's time now, to the millisecond as the service keeps it. */
    public static Instant now() {
        return Instant.now().plusNanos(AHEAD_NANOS.get()).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Moves the service's clock on by {@code duration}, at once. */
    public static void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forwards: " + duration);
        }
        AHEAD_NANOS.addAndGet(duration.toNanos());
    }

    /** Moves the clock on by a millisecond: what follows is stamped visibly later than what went before. */
    public static void tick() {
        advance(Duration.ofMillis(1));
    }

    @Bean
    @Primary
    InstantSource movableClock() {
        return TestClock::now;
    }
}
