package com.virtualoffice.registration.application.projections;

import com.virtualoffice.registration.application.projections.ReadModels.Status;
import java.util.List;
import java.util.Optional;

/** An operator rebuilds a projection from the event store while the service keeps answering. */
public final class ReplayReadModelsUseCase {

    private final Projections projections;

    public ReplayReadModelsUseCase(Projections projections) {
        this.projections = projections;
    }

    /** What starting a replay came to. */
    public sealed interface Start {
        record Started(Status status) implements Start {
        }

        /** One replay at a time: they share the rebuild schema and the machine. */
        record AlreadyRunning() implements Start {
        }

        record UnknownProjection() implements Start {
        }
    }

    public List<Status> statuses() {
        return projections.all().stream().map(ReadModels::status).toList();
    }

    public Start start(String name) {
        Optional<ReadModels> projection = projections.named(name);
        if (projection.isEmpty()) {
            return new Start.UnknownProjection();
        }
        return projection.get().startReplay().<Start>map(Start.Started::new).orElseGet(Start.AlreadyRunning::new);
    }

    /** Replays in the caller's thread, for the command line; empty when there is no such projection. */
    public Optional<Long> replayNow(String name) {
        return projections.named(name).map(ReadModels::rebuild);
    }
}
