package com.virtualoffice.registration.application.customers;

import java.util.Optional;
import java.util.UUID;

/** A seller pages through its customers, newest first, optionally filtered. */
public final class ListCustomersUseCase {

    private final Customers customers;

    public ListCustomersUseCase(Customers customers) {
        this.customers = customers;
    }

    /** The page, or empty when {@code startingAfter} is not one of the seller's customers. */
    public Optional<CustomerPage> list(UUID sellerId, CustomerQuery query) {
        return customers.list(sellerId, query);
    }
}
