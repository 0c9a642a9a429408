package com.virtualoffice.registration.application.customers;

import java.util.Optional;
import java.util.UUID;

/** The queryable customer table, kept current by the customer projection. Deleted customers are not in it. */
public interface Customers {

    Optional<CustomerView> find(UUID sellerId, UUID customerId);

    /** The page, or empty when the page's cursor names no customer the seller ever had. */
    Optional<CustomerPage> list(UUID sellerId, CustomerQuery query);
}
