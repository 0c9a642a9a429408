package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.domain.Rejection;

/** What became of a registration: the customer as registered, or the seller's reason for refusing it. */
public sealed interface RegistrationOutcome {

    record Registered(CustomerView customer) implements RegistrationOutcome {
    }

    record Refused(Rejection rejection) implements RegistrationOutcome {
    }
}
