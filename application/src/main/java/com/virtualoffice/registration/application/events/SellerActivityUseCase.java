package com.virtualoffice.registration.application.events;

import com.virtualoffice.registration.application.events.CustomerEvents.EventPage;
import java.util.Optional;
import java.util.UUID;

/** An operator looks at what happened to a seller's customers lately, and who did it: newest first. */
public final class SellerActivityUseCase {

    private final CustomerEvents events;

    public SellerActivityUseCase(CustomerEvents events) {
        this.events = events;
    }

    /** The page, or empty when {@code startingAfter} is not one of the seller's events. */
    public Optional<EventPage> page(UUID sellerId, Optional<UUID> startingAfter, int limit) {
        return events.ofSellerNewestFirst(sellerId, startingAfter, limit);
    }
}
