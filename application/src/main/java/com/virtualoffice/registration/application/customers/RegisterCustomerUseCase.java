package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerCommandSender;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import java.time.InstantSource;
import java.util.UUID;

/** A seller registers a new customer. */
public final class RegisterCustomerUseCase {

    private final SellerCommandSender sender;
    private final IdSource ids;
    private final InstantSource clock;

    public RegisterCustomerUseCase(SellerCommandSender sender, IdSource ids, InstantSource clock) {
        this.sender = sender;
        this.ids = ids;
        this.clock = clock;
    }

    public RegistrationOutcome register(UUID sellerId, CustomerDetails details, Provenance provenance) {
        var command = new RegisterCustomer(sellerId, ids.newId(), details, clock.instant());
        Decision decision = sender.send(command, provenance)
                .orElseThrow(() -> new IllegalStateException("seller " + sellerId + " of an accepted key is gone"));
        // The answer is built from the decided event itself, so it is exactly what was recorded.
        return switch (decision) {
            case Accepted accepted -> new RegistrationOutcome.Registered(CustomerView.evolve(null,
                    accepted.events().stream()
                            .filter(CustomerRegistered.class::isInstance)
                            .map(CustomerRegistered.class::cast)
                            .findFirst()
                            .orElseThrow()));
            case Rejected rejected -> new RegistrationOutcome.Refused(rejected.rejection());
        };
    }
}
