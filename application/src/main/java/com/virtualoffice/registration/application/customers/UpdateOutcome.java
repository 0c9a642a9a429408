package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.domain.Rejection;

/** What became of an update: the customer as it is now, or the seller's reason for refusing. */
public sealed interface UpdateOutcome {

    record Updated(CustomerView customer) implements UpdateOutcome {
    }

    record Refused(Rejection rejection) implements UpdateOutcome {
    }
}
