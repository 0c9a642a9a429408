package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.support.TestClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationContext;

/**
 * Drives the service's webhook dispatcher from a test, which then waits for a poll and its sends rather than for
 * time to pass. In the dispatcher's package, since the dispatcher is the adapter's own.
 */
public final class DispatcherTurns {

    /** Far longer than a send may take: a delivery is cut at its request timeout. */
    private static final long BOUND_SECONDS = 30;
    /** Turns before a check must pass: a customer's events go one per poll, retries one per turn. */
    private static final int TURNS = 30;

    private DispatcherTurns() {
    }

    /**
     * Runs one poll now on the dispatcher's own polling thread (after any scheduled poll under way there), then
     * waits until every send under way has ended, the poll's and any earlier one's.
     */
    public static void pollAndSend(ApplicationContext context) throws Exception {
        WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
        context.getBean("webhookPolling", ScheduledExecutorService.class).submit(dispatcher::poll)
                .get(BOUND_SECONDS, TimeUnit.SECONDS);
        for (CompletableFuture<Void> send : dispatcher.sendsUnderWay()) {
            send.get(BOUND_SECONDS, TimeUnit.SECONDS);
        }
    }

    /**
     * Runs turns until the check passes, at most {@link #TURNS}: the service's clock moved on by {@code clockStep}
     * (zero for first attempts; past the longest backoff for retries), a poll, and its sends to their end.
     */
    public static void until(ApplicationContext context, Duration clockStep, Runnable check) throws Exception {
        for (int turn = 0; ; turn++) {
            try {
                check.run();
                return;
            } catch (AssertionError notYet) {
                if (turn == TURNS) {
                    throw notYet;
                }
            }
            TestClock.advance(clockStep);
            pollAndSend(context);
        }
    }
}
