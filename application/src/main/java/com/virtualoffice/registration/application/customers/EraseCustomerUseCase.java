package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.application.events.CustomerEvent;
import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.events.CustomerEvents;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.SellerCommand.EraseCustomer;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's personal data is erased (GDPR art. 17), live or deleted: the seller decides it like every change,
 * and the read models keep only the event skeleton. The seller remembers only its live customers, so whether the
 * id was ever one of the seller's is asked of its customers' events first; an erased customer is erased already,
 * and nothing new is recorded.
 */
public final class EraseCustomerUseCase {

    private final SellerDecisions decisions;
    private final CustomerEvents events;
    private final InstantSource clock;

    public EraseCustomerUseCase(SellerDecisions decisions, CustomerEvents events, InstantSource clock) {
        this.decisions = decisions;
        this.events = events;
        this.clock = clock;
    }

    /** The id of the customer erased, or {@code CustomerNotFound} when the seller never had it. */
    public Result<UUID, Rejection> erase(UUID sellerId, UUID customerId, Provenance provenance) {
        Optional<CustomerEvent> last = events.last(sellerId, customerId);
        if (last.isEmpty()) {
            return Result.rejected(new CustomerNotFound());
        }
        if (last.get().type() == CustomerEventType.ERASED) {
            return Result.accepted(customerId);
        }
        var command = new EraseCustomer(sellerId, customerId, clock.instant());
        return Result.of(decisions.decide(command, provenance), accepted -> customerId);
    }
}
