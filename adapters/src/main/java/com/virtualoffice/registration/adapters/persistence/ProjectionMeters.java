package com.virtualoffice.registration.adapters.persistence;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;

/**
 * Per projection: {@code registration_projection_lag_events}, the store's head minus the projection's position
 * (0 in steady state: the read models are written in each command's transaction; during a replay, what it has
 * left), and {@code registration_replay_events_per_second} while its replay runs.
 */
final class ProjectionMeters implements MeterBinder {

    private final List<ReadModelRebuild> projections;

    ProjectionMeters(List<ReadModelRebuild> projections) {
        this.projections = List.copyOf(projections);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ReadModelRebuild projection : projections) {
            Gauge.builder("registration.projection.lag.events", projection, ReadModelRebuild::lag)
                    .description("Events in the store the projection has not applied yet")
                    .tag("projection", projection.name())
                    .register(registry);
            Gauge.builder("registration.replay.events.per.second", projection, ReadModelRebuild::replayRate)
                    .description("Events per second of the projection's replay under way, 0 when none is")
                    .tag("projection", projection.name())
                    .register(registry);
        }
    }
}
