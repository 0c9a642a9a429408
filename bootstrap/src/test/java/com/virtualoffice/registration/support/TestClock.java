package com.virtualoffice.registration.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in tests: the system's, plus however far tests have moved it on. A test that needs time to
 * pass (a key to expire, a later millisecond) moves it on instead of waiting. It only ever moves forwards, like
 * time, so whatever else runs in the same service sees nothing a slower machine could not show it; and tests
 * that compare the service's times with "now" ask this clock, not the system's. Axon stamps its messages by a
 * static clock of its own (the webhook outbox keeps those stamps): it is set to this one as well, or the outbox's
 * times and the dispatcher's would drift apart as tests move this clock on. Being one for the whole JVM, it is
 * what every service a test starts in this JVM runs on: those started by hand list this class among their sources.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    private static final AtomicLong AHEAD_NANOS = new AtomicLong();
    /** Where the clock stands while frozen; null while it runs. */
    private static volatile Instant frozenAt;

    /** The service's time now, to the millisecond as the service keeps it. */
    public static Instant now() {
        Instant frozen = frozenAt;
        return (frozen != null ? frozen : Instant.now().plusNanos(AHEAD_NANOS.get())).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Moves the service's clock on by {@code duration}, at once. */
    public static synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forwards: " + duration);
        }
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(duration);
        } else {
            AHEAD_NANOS.addAndGet(duration.toNanos());
        }
    }

    /**
     * Stops the clock until the answer is closed (it may still be moved on meanwhile), for what a slow machine would
     * otherwise blur: a burst against a rate limit refills nothing while the clock stands. Closed, it runs on from
     * where it stood.
     */
    public static synchronized AutoCloseable freeze() {
        frozenAt = Instant.now().plusNanos(AHEAD_NANOS.get());
        return () -> {
            synchronized (TestClock.class) {
                AHEAD_NANOS.set(Duration.between(Instant.now(), frozenAt).toNanos());
                frozenAt = null;
            }
        };
    }

    /** Moves the clock on by a millisecond: what follows is stamped visibly later than what went before. */
    public static void tick() {
        advance(Duration.ofMillis(1));
    }

    @Bean
    @Primary
    InstantSource movableClock() {
        InstantSource clock = TestClock::now;
        GenericEventMessage.clock = clock.withZone(ZoneOffset.UTC);
        return clock;
    }
}
