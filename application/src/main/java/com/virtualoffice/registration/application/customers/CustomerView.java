package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.time.Instant;
import java.util.Set;
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

    /** The customer after an update: the changed fields take their new values, the rest stay. */
    public CustomerView updatedBy(CustomerUpdated event) {
        Set<CustomerField> changed = event.changed();
        return new CustomerView(id, sellerId,
                changed.contains(CustomerField.FIRST_NAME) ? event.firstName() : firstName,
                changed.contains(CustomerField.LAST_NAME) ? event.lastName() : lastName,
                changed.contains(CustomerField.EMAIL) ? event.email() : email,
                changed.contains(CustomerField.COMPANY_NAME) ? event.companyName() : companyName,
                changed.contains(CustomerField.LEGAL_ENTITY) ? event.legalEntity() : legalEntity,
                changed.contains(CustomerField.LANGUAGE) ? event.language() : language,
                changed.contains(CustomerField.ADDRESS) ? event.address() : address,
                changed.contains(CustomerField.POSTAL_REDIRECT_ADDRESS)
                        ? event.postalRedirectAddress()
                        : postalRedirectAddress,
                changed.contains(CustomerField.STATUS) ? event.status() : status,
                source, createdAt, event.updatedAt());
    }

    public static CustomerView registered(CustomerRegistered event) {
        return new CustomerView(event.customerId(), event.sellerId(), event.firstName(), event.lastName(),
                event.email(), event.companyName(), event.legalEntity(), event.language(), event.address(),
                event.postalRedirectAddress(), event.status(), SOURCE_API, event.registeredAt(),
                event.registeredAt());
    }
}
