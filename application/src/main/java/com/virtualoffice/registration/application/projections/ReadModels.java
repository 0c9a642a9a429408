package com.virtualoffice.registration.application.projections;

import java.util.List;
import java.util.Optional;

/**
 * One projection of the event store into read-model tables, rebuilt on demand. The read models are written
 * together, in each command's transaction; a projection names which of them a rebuild replays: all of them, or one
 * table when only that one needs it (a new column in the customer table need not rebuild the whole audit history).
 */
public interface ReadModels {

    /**
     * Where a projection stands.
     *
     * @param position the last event it has applied (its global index)
     * @param head the newest event in the store
     * @param replaying whether a replay is under way
     * @param eventsPerSecond the rate of the replay under way or of the last one, 0 before any
     */
    record Status(String name, long position, long head, boolean replaying, double eventsPerSecond) {
    }

    /** A difference between the live tables and tables rebuilt from the events. */
    record TableDifference(String table, long missing, long unexpected, List<String> sampleIds) {
    }

    record Verification(String name, long events, List<TableDifference> differences) {
        public boolean equal() {
            return differences.stream().allMatch(difference -> difference.missing() == 0
                    && difference.unexpected() == 0);
        }
    }

    String name();

    Status status();

    /** Starts a replay in the background; empty when a replay, of this or another projection, is under way. */
    Optional<Status> startReplay();

    /**
     * Rebuilds the tables from every event and replaces the live rows; returns the events replayed.
     *
     * @throws ReplayUnderWay when a replay, on this instance or another, is under way
     */
    long rebuild();

    /**
     * Rebuilds from every event beside the live tables and compares; changes nothing.
     *
     * @throws ReplayUnderWay when a replay, on this instance or another, is under way
     */
    Verification verify();
}
