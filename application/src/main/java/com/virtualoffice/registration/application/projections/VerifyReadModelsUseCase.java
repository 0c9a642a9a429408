package com.virtualoffice.registration.application.projections;

import com.virtualoffice.registration.application.projections.ReadModels.Verification;
import java.util.Optional;

/** An operator checks that the live read models are exactly what the events say, and sees any difference. */
public final class VerifyReadModelsUseCase {

    private final Projections projections;

    public VerifyReadModelsUseCase(Projections projections) {
        this.projections = projections;
    }

    /**
     * Empty when there is no such projection.
     *
     * @throws IllegalStateException when a replay is under way
     */
    public Optional<Verification> verify(String name) {
        return projections.named(name).map(ReadModels::verify);
    }
}
