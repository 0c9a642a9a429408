package com.virtualoffice.registration.application.projections;

import com.virtualoffice.registration.application.projections.ReadModels.Verification;
import com.virtualoffice.registration.application.shared.Result;

/** An operator checks that the live read models are exactly what the events say, and sees any difference. */
public final class VerifyReadModelsUseCase {

    private final Projections projections;

    public VerifyReadModelsUseCase(Projections projections) {
        this.projections = projections;
    }

    /** What the comparison found, or why it did not run. */
    public Result<Verification, ProjectionRefusal> verify(String name) {
        return projections.named(name)
                .map(projection -> ProjectionRefusal.whileNoneRuns(projection::verify))
                .orElseGet(() -> Result.rejected(ProjectionRefusal.UNKNOWN_PROJECTION));
    }
}
