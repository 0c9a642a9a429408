package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import java.time.InstantSource;
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

    /** The id of the customer deleted, or the seller's reason for refusing. */
    public Result<UUID, Rejection> delete(UUID sellerId, UUID customerId, Provenance provenance) {
        var command = new DeleteCustomer(sellerId, customerId, clock.instant());
        return Result.of(decisions.decide(command, provenance), accepted -> customerId);
    }
}
