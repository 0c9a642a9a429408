package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import java.time.Instant;
import java.util.UUID;

/** A customer as sellers see it. */
public record CustomerView(
        UUID id,
        UUID sellerId,
        String firstName,
        String lastName,
        String email,
        String companyName,
        String legalEntity,
        Language language,
        Address address,
        Address postalRedirectAddress,
        CustomerStatus status,
        String source,
        Instant createdAt,
        Instant updatedAt) {

    /** Customers registered through the seller API; the platform's other channels use other sources. */
    public static final String SOURCE_API = "api";

    public static CustomerView registered(CustomerRegistered event) {
        return new CustomerView(event.customerId(), event.sellerId(), event.firstName(), event.lastName(),
                event.email(), event.companyName(), event.legalEntity(), event.language(), event.address(),
                event.postalRedirectAddress(), event.status(), SOURCE_API, event.registeredAt(),
                event.registeredAt());
    }
}
