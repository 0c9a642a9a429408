package com.virtualoffice.registration.application.projections;

/**
 * A replay or verification is already running, on this instance or another: they run one at a time. Its own type,
 * so that a replay that fails for any other reason is never mistaken for one that did not start.
 */
public final class ReplayUnderWay extends RuntimeException {

    public ReplayUnderWay(String message) {
        super(message, null, false, false);
    }
}
