package com.virtualoffice.registration.application.events;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every customer event of every seller, in each seller's order, kept by the customer-event projection. */
public interface CustomerEvents {

    Optional<CustomerEvent> find(UUID eventId);

    /**
     * At most {@code count} of a customer's events, oldest first: from its first, or from the given event on (that
     * event included). Empty when the given event is not one of the customer's; an empty list when the seller never
     * had that customer.
     */
    Optional<List<CustomerEvent>> ofCustomer(UUID sellerId, UUID customerId, Optional<UUID> from, int count);

    /** The customer's last event; empty when the seller never had that customer. */
    Optional<CustomerEvent> last(UUID sellerId, UUID customerId);

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
