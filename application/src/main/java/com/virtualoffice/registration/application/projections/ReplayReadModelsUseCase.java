package com.virtualoffice.registration.application.projections;

import com.virtualoffice.registration.application.projections.ReadModels.Status;
import com.virtualoffice.registration.application.shared.Result;
import java.util.List;

/** An operator rebuilds a projection from the event store while the service keeps answering. */
public final class ReplayReadModelsUseCase {

    private final Projections projections;

    public ReplayReadModelsUseCase(Projections projections) {
        this.projections = projections;
    }

    public List<Status> statuses() {
        return projections.all().stream().map(ReadModels::status).toList();
    }

    /** The projection's status as its replay starts in the background, or why not. */
    public Result<Status, ProjectionRefusal> start(String name) {
        return projections.named(name)
                .map(projection -> projection.startReplay()
                        .<Result<Status, ProjectionRefusal>>map(Result::accepted)
                        .orElseGet(() -> Result.rejected(ProjectionRefusal.ALREADY_RUNNING)))
                .orElseGet(() -> Result.rejected(ProjectionRefusal.UNKNOWN_PROJECTION));
    }

    /** Replays in the caller's thread, for the command line: the events replayed, or why not. */
    public Result<Long, ProjectionRefusal> replayNow(String name) {
        return projections.named(name)
                .map(projection -> ProjectionRefusal.whileNoneRuns(projection::rebuild))
                .orElseGet(() -> Result.rejected(ProjectionRefusal.UNKNOWN_PROJECTION));
    }
}
