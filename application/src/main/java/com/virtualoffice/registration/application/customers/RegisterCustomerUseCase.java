package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import java.time.InstantSource;
import java.util.UUID;

/** A seller registers a new customer. */
public final class RegisterCustomerUseCase {

    private final SellerDecisions decisions;
    private final IdSource ids;
    private final InstantSource clock;

    public RegisterCustomerUseCase(SellerDecisions decisions, IdSource ids, InstantSource clock) {
        this.decisions = decisions;
        this.ids = ids;
        this.clock = clock;
    }

    /** The customer as registered, or the seller's reason for refusing it. */
    public Result<CustomerView, Rejection> register(UUID sellerId, CustomerDetails details, Provenance provenance) {
        var command = new RegisterCustomer(sellerId, ids.newId(), details, clock.instant());
        // The answer is built from the decided event itself, so it is exactly what was recorded.
        return Result.of(decisions.decide(command, provenance),
                accepted -> CustomerView.evolve(null, accepted.events()));
    }
}
