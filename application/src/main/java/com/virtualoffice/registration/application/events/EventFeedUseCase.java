package com.virtualoffice.registration.application.events;

import com.virtualoffice.registration.application.events.CustomerEvents.EventPage;
import java.util.Optional;
import java.util.UUID;

/**
 * A seller's events in order, for consumers that pull: each page continues after the last event the consumer
 * saw, so a consumer that keeps its place never misses an event.
 */
public final class EventFeedUseCase {

    private final CustomerEvents events;

    public EventFeedUseCase(CustomerEvents events) {
        this.events = events;
    }

    /** The page, or empty when {@code startingAfter} is not one of the seller's events. */
    public Optional<EventPage> page(UUID sellerId, Optional<UUID> startingAfter, int limit) {
        return events.ofSeller(sellerId, startingAfter, limit);
    }
}
