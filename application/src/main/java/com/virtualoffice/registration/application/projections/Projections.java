package com.virtualoffice.registration.application.projections;

import java.util.List;
import java.util.Optional;

/** The projections an operator can watch, replay and verify, by name. */
public record Projections(List<ReadModels> all) {

    /** The one that rebuilds every read model, and what a replay means when none is named. */
    public static final String ALL_READ_MODELS = "read-models";

    public Projections {
        all = List.copyOf(all);
    }

    public Optional<ReadModels> named(String name) {
        return all.stream().filter(projection -> projection.name().equals(name)).findFirst();
    }
}
