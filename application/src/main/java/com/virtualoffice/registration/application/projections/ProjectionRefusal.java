package com.virtualoffice.registration.application.projections;

import com.virtualoffice.registration.application.shared.Result;
import java.util.function.Supplier;

/** Why a projection use case refused: the one reason type of {@code projections}. */
public enum ProjectionRefusal {
    UNKNOWN_PROJECTION,
    /** One replay or verification at a time, on any instance: they share the rebuild schema and the machine. */
    ALREADY_RUNNING;

    /** Runs a rebuild in the caller's thread; {@link ReadModels} says a replay under way by throwing. */
    static <T> Result<T, ProjectionRefusal> whileNoneRuns(Supplier<T> rebuild) {
        try {
            return Result.accepted(rebuild.get());
        } catch (ReplayUnderWay underWay) {
            return Result.rejected(ALREADY_RUNNING);
        }
    }
}
