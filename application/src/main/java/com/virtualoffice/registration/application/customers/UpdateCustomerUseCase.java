package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.CustomerChanges;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import java.time.InstantSource;
import java.util.Optional;
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

    /**
     * The answer is the customer this update made: the customer as it stood just before the decision, folded with
     * the decided event ({@link CustomerView#evolve}). Nothing is read after the decision, so a delete decided
     * right after this update cannot turn its success into "not found". The seller still decides: a customer
     * missing from the table is refused by the seller as well, since the table is written in the transaction of
     * every customer event.
     */
    public Result<CustomerView, Rejection> update(UUID sellerId, UUID customerId, CustomerChanges changes,
                                                  Provenance provenance) {
        Optional<CustomerView> before = customers.find(sellerId, customerId);
        var command = new UpdateCustomer(sellerId, customerId, changes, clock.instant());
        return Result.of(decisions.decide(command, provenance), accepted -> {
            CustomerView customer = before.orElseThrow(() -> new IllegalStateException(
                    "customer " + customerId + " updated by its seller but absent from the customer table"));
            return CustomerView.evolve(customer, accepted.events());
        });
    }
}
