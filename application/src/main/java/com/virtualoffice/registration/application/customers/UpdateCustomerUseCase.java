package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.CustomerChanges;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import java.time.InstantSource;
import java.util.UUID;

/** A seller changes some of a customer's fields; the others stay as they are. */
public final class UpdateCustomerUseCase {

    private final SellerDecisions decisions;
    private final Customers customers;
    private final InstantSource clock;

    public UpdateCustomerUseCase(SellerDecisions decisions, Customers customers, InstantSource clock) {
        this.decisions = decisions;
        this.customers = customers;
        this.clock = clock;
    }

    /** The customer as it is now, or the seller's reason for refusing. */
    public Result<CustomerView, Rejection> update(UUID sellerId, UUID customerId, CustomerChanges changes,
                                                  Provenance provenance) {
        var command = new UpdateCustomer(sellerId, customerId, changes, clock.instant());
        return switch (decisions.decide(command, provenance)) {
            // The event carries only the changed fields; the whole customer comes from the customer table,
            // which was written in the same transaction as the event. A delete decided right after the update
            // (even in the same group commit) may have removed it since: then it is, by now, not found.
            case Accepted accepted -> customers.find(sellerId, customerId)
                    .<Result<CustomerView, Rejection>>map(Result::accepted)
                    .orElseGet(() -> Result.rejected(new Rejection.CustomerNotFound()));
            case Rejected rejected -> Result.rejected(rejected.rejection());
        };
    }
}
