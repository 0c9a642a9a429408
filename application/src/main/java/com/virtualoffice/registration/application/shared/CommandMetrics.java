package com.virtualoffice.registration.application.shared;

import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.SellerCommand;

/**
 * What the command path tells those who watch it: what became of each command and how long its caller waited, and
 * how many commands shared each seller transaction. A port: counting is the adapters' business.
 */
public interface CommandMetrics {

    /** Counts nothing. */
    CommandMetrics NONE = new CommandMetrics() {
        @Override
        public void transaction(int commands) {
        }

        @Override
        public void answered(SellerCommand command, Decision decision, long nanos) {
        }

        @Override
        public void failed(SellerCommand command, Throwable failure, long nanos) {
        }
    };

    /** This many commands to one seller went to it as one transaction (1 for a command on its own). */
    void transaction(int commands);

    /**
     * The seller decided, or there was no such seller ({@code SellerNotFound}).
     *
     * @param nanos from sending to the answer, the wait in the seller's lane included
     */
    void answered(SellerCommand command, Decision decision, long nanos);

    /** The command failed: nothing it would have changed was written. */
    void failed(SellerCommand command, Throwable failure, long nanos);
}
