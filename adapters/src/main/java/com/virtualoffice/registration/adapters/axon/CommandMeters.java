package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.application.shared.CommandMetrics;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The command path's meters, in Micrometer: {@code registration_commands_seconds} by command and outcome,
 * {@code registration_rejections_total} by reason and {@code registration_group_commit_size}. Tagged by kinds only,
 * never by seller or key: per-seller figures are the operator API's.
 *
 * <p>A command is {@code conflict_retried} when it lost an append race to another instance at least once and was
 * then decided on the fresh history (a refusal then is still counted by its reason): its time includes the retry's
 * pause. The retry scheduler marks it ({@link #conflicted}) on its way through Axon.
 */
public final class CommandMeters implements CommandMetrics {

    private static final String COMMANDS = "registration.commands";
    private static final String REJECTIONS = "registration.rejections";
    /** Every reason {@link #reason} gives: each counted from 0, so rates start at once. */
    private static final List<String> REASONS = List.of("plan_limit", "email_taken", "not_found", "api_key_not_found",
            "unknown_plan", "seller_already_registered", "seller_not_found", "api_key_not_held", "api_key_revoked");

    private final MeterRegistry registry;
    private final DistributionSummary groupCommitSize;
    /** The commands now being retried after a conflict, by identity: a command value may legitimately repeat. */
    private final Set<Identity> conflicted = ConcurrentHashMap.newKeySet();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();

    public CommandMeters(MeterRegistry registry, int maxBatchSize) {
        this.registry = registry;
        this.groupCommitSize = DistributionSummary.builder("registration.group.commit.size")
                .description("Commands decided in one seller transaction (group commit)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
                .maximumExpectedValue((double) maxBatchSize)
                .register(registry);
        REASONS.forEach(reason -> rejections.put(reason, Counter.builder(REJECTIONS)
                .description("Commands the seller refused, by reason")
                .tag("reason", reason)
                .register(registry)));
    }

    enum Outcome { ACCEPTED, REJECTED, CONFLICT_RETRIED, FAILED }

    private record Key(Class<?> command, Outcome outcome) {
    }

    private record Identity(Object command) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.command == command;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(command);
        }
    }

    @Override
    public void transaction(int commands) {
        groupCommitSize.record(commands);
    }

    @Override
    public void answered(SellerCommand command, Decision decision, long nanos) {
        boolean retried = !conflicted.isEmpty() && conflicted.remove(new Identity(command));
        Outcome outcome = switch (decision) {
            case Accepted accepted -> retried ? Outcome.CONFLICT_RETRIED : Outcome.ACCEPTED;
            case Rejected rejected -> {
                rejected(reason(rejected.rejection()));
                yield retried ? Outcome.CONFLICT_RETRIED : Outcome.REJECTED;
            }
        };
        timer(command, outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void failed(SellerCommand command, Throwable failure, long nanos) {
        if (!conflicted.isEmpty()) {
            conflicted.remove(new Identity(command));
        }
        timer(command, Outcome.FAILED).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The payload of a command message Axon retries after an append conflict: one command, or a batch of them. */
    void conflicted(Object payload) {
        switch (payload) {
            case SellerCommand command -> conflicted.add(new Identity(command));
            case SellerCommandBatch batch -> batch.entries().forEach(entry ->
                    conflicted.add(new Identity(entry.command())));
            default -> {
            }
        }
    }

    static String reason(Rejection rejection) {
        return switch (rejection) {
            case Rejection.CustomerLimitReached limit -> "plan_limit";
            case Rejection.EmailAlreadyTaken taken -> "email_taken";
            case Rejection.CustomerNotFound notFound -> "not_found";
            case Rejection.ApiKeyNotFound notFound -> "api_key_not_found";
            case Rejection.UnknownPlan unknown -> "unknown_plan";
            case Rejection.SellerAlreadyRegistered registered -> "seller_already_registered";
            case Rejection.SellerNotFound notFound -> "seller_not_found";
            case Rejection.PresentedKeyNotHeld notHeld -> "api_key_not_held";
            case Rejection.PresentedKeyRevoked revoked -> "api_key_revoked";
        };
    }

    private void rejected(String reason) {
        rejections.get(reason).increment();
    }

    private Timer timer(SellerCommand command, Outcome outcome) {
        return timers.computeIfAbsent(new Key(command.getClass(), outcome), key -> Timer.builder(COMMANDS)
                .description("Commands from sending to the seller's answer, by command and outcome")
                .tag("command", CommandNames.of(key.command()))
                .tag("outcome", key.outcome().name().toLowerCase(java.util.Locale.ROOT))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
    }
}
