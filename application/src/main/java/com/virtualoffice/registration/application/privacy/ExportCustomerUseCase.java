package com.virtualoffice.registration.application.privacy;

import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.events.CustomerHistoryUseCase;
import com.virtualoffice.registration.application.events.CustomerHistoryUseCase.HistoryPage;
import com.virtualoffice.registration.application.events.HistoryEntry;
import com.virtualoffice.registration.application.webhooks.CustomerDelivery;
import com.virtualoffice.registration.application.webhooks.WebhookEndpoints;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the service holds about one customer, for the customer's right of access and portability (GDPR art. 15
 * and 20): the record as it stands, every event with who caused it and when, and the webhook deliveries of those
 * events. Of an erased customer nothing is held but the fact and time of its erasure, and nothing else is answered.
 */
public final class ExportCustomerUseCase {

    /** Read a page at a time, so that a customer with a long history is not read in one statement. */
    private static final int HISTORY_PAGE = 500;

    private final CustomerHistoryUseCase history;
    private final WebhookEndpoints webhooks;
    private final InstantSource clock;

    public ExportCustomerUseCase(CustomerHistoryUseCase history, WebhookEndpoints webhooks, InstantSource clock) {
        this.history = history;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    public sealed interface Export {

        /**
         * @param customer the customer after its last event (as it was when deleted, if it was)
         * @param deletedAt when the customer was deleted, or {@code null} while it is live
         */
        record Held(UUID customerId, Instant exportedAt, CustomerView customer, Instant deletedAt,
                    List<HistoryEntry> history, List<CustomerDelivery> deliveries) implements Export {
        }

        record Erased(UUID customerId, Instant exportedAt, Instant erasedAt) implements Export {
        }

        /** The seller never had that customer. */
        record NoSuchCustomer() implements Export {
        }
    }

    public Export export(UUID sellerId, UUID customerId) {
        Instant now = clock.instant();
        List<HistoryEntry> entries = allEntries(sellerId, customerId);
        if (entries.isEmpty()) {
            return new Export.NoSuchCustomer();
        }
        Optional<HistoryEntry> erasure = entries.stream()
                .filter(entry -> entry.event().type() == CustomerEventType.ERASED)
                .findFirst();
        if (erasure.isPresent()) {
            return new Export.Erased(customerId, now, erasure.get().event().occurredAt());
        }
        HistoryEntry last = entries.getLast();
        Instant deletedAt = last.event().type() == CustomerEventType.DELETED ? last.event().occurredAt() : null;
        return new Export.Held(customerId, now, last.event().customer(), deletedAt, entries,
                webhooks.deliveriesOfCustomer(sellerId, customerId));
    }

    private List<HistoryEntry> allEntries(UUID sellerId, UUID customerId) {
        List<HistoryEntry> entries = new ArrayList<>();
        Optional<UUID> after = Optional.empty();
        while (true) {
            if (!(history.history(sellerId, customerId, after, HISTORY_PAGE) instanceof HistoryPage.Page page)) {
                return entries; // no such customer; a cursor taken from the previous page is always one of its events
            }
            entries.addAll(page.entries());
            if (!page.hasMore() || page.entries().isEmpty()) {
                return entries;
            }
            after = Optional.of(page.entries().getLast().event().eventId());
        }
    }
}
