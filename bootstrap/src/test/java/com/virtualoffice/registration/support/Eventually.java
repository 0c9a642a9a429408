package com.virtualoffice.registration.support;

import java.time.Duration;
import java.time.Instant;

/**
 * For what only shows from outside, on a schedule of its own (a service process coming up, a restarted service
 * resuming its webhook polls): checked until it holds, within a bound. What a test can wait on directly (a latch,
 * an executor of the service, a dispatcher turn), it waits on instead.
 */
public final class Eventually {

    private Eventually() {
    }

    /** Runs the check until it passes, or fails with its last failure once the time is up. */
    public static void within(Duration within, Runnable check) {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
            pause(Duration.ofMillis(100));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
