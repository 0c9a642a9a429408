package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * A seller removes a customer from its account: it stops counting against the plan and its email is free again.
 * Its events stay in the store.
 */
public final class DeleteCustomerUseCase {

    private final SellerDecisions decisions;
    private final InstantSource clock;

    public DeleteCustomerUseCase(SellerDecisions decisions, InstantSource clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    /** Empty when the customer was deleted, else the seller's reason for refusing. */
    public Optional<Rejection> delete(UUID sellerId, UUID customerId, Provenance provenance) {
        var command = new DeleteCustomer(sellerId, customerId, clock.instant());
        return switch (decisions.decide(command, provenance)) {
            case Accepted accepted -> Optional.empty();
            case Rejected rejected -> Optional.of(rejected.rejection());
        };
    }
}
