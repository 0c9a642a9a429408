package com.virtualoffice.registration.application.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.application.shared.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Projections are found by name; one replay at a time. */
class ReplayReadModelsUseCaseTest {

    private final List<String> replayed = new ArrayList<>();
    private final FakeProjection all = new FakeProjection(Projections.ALL_READ_MODELS);
    private final FakeProjection customers = new FakeProjection("customers");
    private final Projections projections = new Projections(List.of(all, customers));
    private final ReplayReadModelsUseCase replay = new ReplayReadModelsUseCase(projections);
    private final VerifyReadModelsUseCase verify = new VerifyReadModelsUseCase(projections);

    @Test
    void given_two_projections_when_listing_then_both_in_their_order() {
        assertThat(replay.statuses()).extracting(ReadModels.Status::name).containsExactly("read-models", "customers");
    }

    @Test
    void when_starting_a_projection_by_name_then_only_that_one_replays() {
        Result<ReadModels.Status, ProjectionRefusal> start = replay.start("customers");

        assertThat(start).isEqualTo(Result.accepted(customers.status()));
        assertThat(replayed).containsExactly("customers");
    }

    @Test
    void given_a_replay_under_way_when_starting_another_then_it_is_already_running() {
        replay.start("customers");

        assertThat(replay.start("read-models")).isEqualTo(Result.rejected(ProjectionRefusal.ALREADY_RUNNING));
        assertThat(replayed).containsExactly("customers");
    }

    @Test
    void given_a_replay_under_way_when_replaying_now_or_verifying_then_it_is_already_running() {
        replay.start("customers");

        assertThat(replay.replayNow("read-models")).isEqualTo(Result.rejected(ProjectionRefusal.ALREADY_RUNNING));
        assertThat(verify.verify("customers")).isEqualTo(Result.rejected(ProjectionRefusal.ALREADY_RUNNING));
    }

    @Test
    void given_no_such_projection_when_starting_replaying_or_verifying_then_unknown() {
        Result<Object, ProjectionRefusal> unknown = Result.rejected(ProjectionRefusal.UNKNOWN_PROJECTION);
        assertThat(replay.start("nope")).isEqualTo(unknown);
        assertThat(replay.replayNow("nope")).isEqualTo(unknown);
        assertThat(verify.verify("nope")).isEqualTo(unknown);
        assertThat(replayed).isEmpty();
    }

    @Test
    void when_replaying_now_or_verifying_by_name_then_that_projection_answers() {
        assertThat(replay.replayNow("read-models")).isEqualTo(Result.accepted(42L));
        assertThat(verify.verify("customers").map(ReadModels.Verification::name))
                .isEqualTo(Result.accepted("customers"));
    }

    @Test
    void given_a_replay_that_fails_when_replaying_now_then_the_failure_is_not_mistaken_for_one_under_way() {
        ReadModels failing = new FakeProjection("customers") {
            @Override
            public long rebuild() {
                throw new IllegalStateException("replaying event 7 failed");
            }
        };
        var replayFailing = new ReplayReadModelsUseCase(new Projections(List.of(failing)));

        assertThatThrownBy(() -> replayFailing.replayNow("customers")).hasMessage("replaying event 7 failed");
    }

    /** Stands for a rebuild; a replay, once started, stays under way, and holds back every other. */
    private class FakeProjection implements ReadModels {

        private final String name;

        FakeProjection(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Status status() {
            return new Status(name, 7, 7, replayed.contains(name), 0);
        }

        @Override
        public Optional<Status> startReplay() {
            if (!replayed.isEmpty()) {
                return Optional.empty();
            }
            replayed.add(name);
            return Optional.of(status());
        }

        @Override
        public long rebuild() {
            requireNoneUnderWay();
            return 42;
        }

        @Override
        public Verification verify() {
            requireNoneUnderWay();
            return new Verification(name, 42, List.of());
        }

        private void requireNoneUnderWay() {
            if (!replayed.isEmpty()) {
                throw new ReplayUnderWay("a replay is already under way");
            }
        }
    }
}
