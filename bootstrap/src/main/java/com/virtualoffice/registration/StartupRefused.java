package com.virtualoffice.registration;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A configuration the service will not start with; its message is the one line the operator reads. */
final class StartupRefused extends RuntimeException {

    StartupRefused(String message) {
        super(message);
    }

    /** Shows the refusal as it is, instead of a stack trace through bean creation. */
    public static final class Analyzer extends AbstractFailureAnalyzer<StartupRefused> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, StartupRefused cause) {
            return new FailureAnalysis(cause.getMessage(), "Set it as said, then start the service again.", cause);
        }
    }
}
