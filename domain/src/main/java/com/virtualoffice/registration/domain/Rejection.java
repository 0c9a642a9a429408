package com.virtualoffice.registration.domain;

/** Why a seller refused a command. A value, not an exception: only the edge turns it into a status code. */
public sealed interface Rejection {

    record SellerAlreadyRegistered() implements Rejection {
    }

    /** No seller has the command's id: the command reached no decider. */
    record SellerNotFound() implements Rejection {
    }

    record UnknownPlan(String plan) implements Rejection {
    }

    record CustomerLimitReached(int limit) implements Rejection {
    }

    record EmailAlreadyTaken() implements Rejection {
    }

    /** No live customer of this seller has that id: never registered, deleted, or another seller's. */
    record CustomerNotFound() implements Rejection {
    }

    /** The seller has no such key, or had it and deleted it. */
    record ApiKeyNotFound() implements Rejection {
    }

    /** The key a command was sent with is not the seller's: another seller's, or deleted. */
    record PresentedKeyNotHeld() implements Rejection {
    }

    /** The key a command was sent with was revoked by its seller. */
    record PresentedKeyRevoked() implements Rejection {
    }
}
