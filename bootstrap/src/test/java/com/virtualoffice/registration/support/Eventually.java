package com.virtualoffice.registration.support;

import java.time.Duration;
import java.time.Instant;

/** For what happens on the service's own threads (webhook sends, snapshots): checked until it holds. */
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
