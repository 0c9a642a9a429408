package com.virtualoffice.registration.application.projections;

import com.virtualoffice.registration.application.projections.ReadModels.Verification;

/** An operator checks that the live read models are exactly what the events say, and sees any difference. */
public final class VerifyReadModelsUseCase {

    private final ReadModels readModels;

    public VerifyReadModelsUseCase(ReadModels readModels) {
        this.readModels = readModels;
    }

    public Verification verify() {
        return readModels.verify();
    }
}
