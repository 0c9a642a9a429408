package com.virtualoffice.registration.adapters.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.ChangePlan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the command meters name outcomes and reasons; the HTTP tests watch them move in the running service. */
class CommandMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandMeters meters = new CommandMeters(registry, 64);
    private final ChangePlan command = new ChangePlan(UUID.randomUUID(), "starter", Instant.EPOCH);

    @Test
    void every_rejection_has_a_reason_counted_from_zero() {
        for (Rejection rejection : List.of(new Rejection.SellerAlreadyRegistered(), new Rejection.UnknownPlan("x"),
                new Rejection.CustomerLimitReached(10), new Rejection.EmailAlreadyTaken(),
                new Rejection.CustomerNotFound(), new Rejection.ApiKeyNotFound(), new Rejection.SellerNotFound())) {
            assertThat(registry.get("registration.rejections").tag("reason", CommandMeters.reason(rejection))
                    .counter().count()).isZero();
        }
    }

    @Test
    void a_command_refused_after_an_append_conflict_is_conflict_retried_and_counted_by_its_reason() {
        meters.conflicted(command);
        meters.answered(command, new Decision.Rejected(new Rejection.UnknownPlan("x")), 1_000);

        assertThat(timerCount("change_plan", "conflict_retried")).isEqualTo(1);
        assertThat(registry.get("registration.rejections").tag("reason", "unknown_plan").counter().count())
                .isEqualTo(1);
    }

    @Test
    void a_command_accepted_after_an_append_conflict_is_conflict_retried_once() {
        meters.conflicted(command);
        meters.answered(command, new Decision.Accepted(List.of()), 1_000);
        meters.answered(command, new Decision.Accepted(List.of()), 1_000);

        assertThat(timerCount("change_plan", "conflict_retried")).isEqualTo(1);
        assertThat(timerCount("change_plan", "accepted")).isEqualTo(1);
    }

    @Test
    void an_unknown_seller_is_a_rejection_and_a_failure_is_failed() {
        meters.answered(command, Decision.reject(new Rejection.SellerNotFound()), 1_000);
        meters.failed(command, new IllegalStateException("database away"), 1_000);

        assertThat(timerCount("change_plan", "rejected")).isEqualTo(1);
        assertThat(registry.get("registration.rejections").tag("reason", "seller_not_found").counter().count())
                .isEqualTo(1);
        assertThat(timerCount("change_plan", "failed")).isEqualTo(1);
    }

    private long timerCount(String command, String outcome) {
        return registry.get("registration.commands").tag("command", command).tag("outcome", outcome).timer().count();
    }
}
