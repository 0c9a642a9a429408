package com.virtualoffice.registration.application.customers;

import java.util.Optional;
import java.util.UUID;

/** A seller reads one of its customers. Another seller's customer is as unknown as one that never existed. */
public final class GetCustomerUseCase {

    private final Customers customers;

    public GetCustomerUseCase(Customers customers) {
        this.customers = customers;
    }

    public Optional<CustomerView> get(UUID sellerId, UUID customerId) {
        return customers.find(sellerId, customerId);
    }
}
