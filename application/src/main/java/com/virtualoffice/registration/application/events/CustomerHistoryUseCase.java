package com.virtualoffice.registration.application.events;

import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.domain.CustomerField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit views of one customer: every event with who caused it and what it changed, and the customer as it
 * was at any instant. Both are computed from the events, so they still answer after the customer is deleted.
 */
public final class CustomerHistoryUseCase {

    private final CustomerEvents events;

    public CustomerHistoryUseCase(CustomerEvents events) {
        this.events = events;
    }

    /** A page of the customer's history, or why there is none. */
    public sealed interface HistoryPage {

        /** Entries oldest first; {@code hasMore} when later ones follow the last. */
        record Page(List<HistoryEntry> entries, boolean hasMore) implements HistoryPage {
        }

        /** The seller never had that customer. */
        record NoSuchCustomer() implements HistoryPage {
        }

        /** The page was to continue after an event that is not one of the customer's. */
        record NoSuchEvent() implements HistoryPage {
        }
    }

    /**
     * Up to {@code limit} of the customer's events, oldest first, from its first or after the given one. The event
     * the page continues after is read along with it: the first entry's changes are measured against it.
     */
    public HistoryPage history(UUID sellerId, UUID customerId, Optional<UUID> startingAfter, int limit) {
        int before = startingAfter.isPresent() ? 1 : 0;
        Optional<List<CustomerEvent>> found = events.ofCustomer(sellerId, customerId, startingAfter,
                before + limit + 1);
        if (found.isEmpty()) {
            boolean customerExists = !events.ofCustomer(sellerId, customerId, Optional.empty(), 1).orElseThrow()
                    .isEmpty();
            return customerExists ? new HistoryPage.NoSuchEvent() : new HistoryPage.NoSuchCustomer();
        }
        List<CustomerEvent> read = found.get();
        if (read.isEmpty()) {
            return new HistoryPage.NoSuchCustomer();
        }
        CustomerView previous = before == 0 ? null : stateAfter(read.getFirst());
        List<CustomerEvent> page = read.subList(before, Math.min(read.size(), before + limit));
        List<HistoryEntry> entries = new ArrayList<>();
        for (CustomerEvent event : page) {
            CustomerView after = stateAfter(event);
            entries.add(new HistoryEntry(event, changes(previous, after, event.type())));
            previous = after;
        }
        return new HistoryPage.Page(entries, read.size() > before + limit);
    }

    private static CustomerView stateAfter(CustomerEvent event) {
        return event.type().ends() ? null : event.customer();
    }

    /**
     * The customer as it was at the instant; empty before it was created and after it was deleted or erased.
     * Once erased, its personal fields are {@code null} at every instant.
     */
    public Optional<CustomerView> asOf(UUID sellerId, UUID customerId, Instant instant) {
        return events.lastAt(sellerId, customerId, instant)
                .filter(event -> !event.type().ends())
                .map(CustomerEvent::customer);
    }

    /**
     * A deletion or an erasure changes no field; it ends the customer, which its type says. After an erasure the
     * personal fields are {@code null} before and after every event, so the changes list only the other fields.
     */
    private static Map<CustomerField, FieldChange> changes(CustomerView before, CustomerView after,
                                                           CustomerEventType type) {
        Map<CustomerField, FieldChange> changes = new LinkedHashMap<>();
        if (type.ends()) {
            return changes;
        }
        for (CustomerField field : CustomerField.values()) {
            Object from = before == null ? null : before.valueOf(field);
            Object to = after.valueOf(field);
            if (!Objects.equals(from, to)) {
                changes.put(field, new FieldChange(from, to));
            }
        }
        return changes;
    }
}
