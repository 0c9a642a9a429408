package com.virtualoffice.registration.application.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every customer event of every seller, in each seller's order, kept by the customer-event projection. */
public interface CustomerEvents {

    Optional<CustomerEvent> find(UUID eventId);

    /** A customer's events, oldest first; empty when the seller never had that customer. */
    List<CustomerEvent> ofCustomer(UUID sellerId, UUID customerId);

    /** The customer's last event at or before the instant. */
    Optional<CustomerEvent> lastAt(UUID sellerId, UUID customerId, Instant instant);

    /** A page of the seller's events after the given one, oldest first; empty when that event is unknown. */
    Optional<EventPage> ofSeller(UUID sellerId, Optional<UUID> startingAfter, int limit);

    /**
     * A page of the seller's events before the given one, newest first; empty when that event is unknown. With
     * no event given, the page starts at the seller's latest event.
     */
    Optional<EventPage> ofSellerNewestFirst(UUID sellerId, Optional<UUID> startingAfter, int limit);

    record EventPage(List<CustomerEvent> events, boolean hasMore) {
    }
}
