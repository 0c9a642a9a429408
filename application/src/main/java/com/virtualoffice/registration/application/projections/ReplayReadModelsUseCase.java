package com.virtualoffice.registration.application.projections;

import com.virtualoffice.registration.application.projections.ReadModels.Status;
import java.util.Optional;

/** An operator rebuilds the read models from the event store while the service keeps answering. */
public final class ReplayReadModelsUseCase {

    private final ReadModels readModels;

    public ReplayReadModelsUseCase(ReadModels readModels) {
        this.readModels = readModels;
    }

    public Status status() {
        return readModels.status();
    }

    /** Starts a replay; empty when one is already under way. */
    public Optional<Status> start() {
        return readModels.startReplay();
    }

    /** Replays in the caller's thread; for the command line. */
    public long replayNow() {
        return readModels.rebuild();
    }
}
