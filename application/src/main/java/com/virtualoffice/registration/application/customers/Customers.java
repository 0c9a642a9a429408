package com.virtualoffice.registration.application.customers;

import java.util.Optional;
import java.util.UUID;

/** The queryable customer table, kept current by the customer projection. */
public interface Customers {

    Optional<CustomerView> find(UUID sellerId, UUID customerId);
}
