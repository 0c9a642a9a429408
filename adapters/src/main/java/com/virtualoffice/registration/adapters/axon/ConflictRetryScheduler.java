package com.virtualoffice.registration.adapters.axon;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a command that lost an append race against another instance. The loser's cached seller is stale and
 * was evicted, so the retry decides again on the fresh history: the invariants hold and the caller never sees
 * the conflict. Every other failure is final: retrying it would only delay the error.
 */
final class ConflictRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    private final ScheduledExecutorService executor;
    private final int maxRetries;
    private final Duration backoff;
    private final Consumer<Object> retrying;

    /** @param retrying told the payload of each command retried, before the retry */
    ConflictRetryScheduler(ScheduledExecutorService executor, int maxRetries, Duration backoff,
                           Consumer<Object> retrying) {
        this.executor = executor;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.retrying = retrying;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isAppendConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        long base = backoff.toNanos() << (failures.size() - 1);
        // Jitter, so that instances that collided once do not collide again in lockstep.
        long delay = base + ThreadLocalRandom.current().nextLong(base + 1);
        // Each retry costs its caller the pause: worth seeing when tail latency is the question.
        log.debug("retrying {} in {} µs after append conflict {}", commandMessage.getCommandName(), delay / 1_000,
                failures.size());
        retrying.accept(commandMessage.getPayload());
        executor.schedule(commandDispatch, delay, TimeUnit.NANOSECONDS);
        return true;
    }

    static boolean isAppendConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
