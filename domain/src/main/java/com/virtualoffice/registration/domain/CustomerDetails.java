package com.virtualoffice.registration.domain;

import java.util.Map;
import java.util.Objects;

/** What a seller tells about a customer when registering it. Optional parts are {@code null} when absent. */
public record CustomerDetails(
        String firstName,
        String lastName,
        Email email,
        String companyName,
        String legalEntity,
        Language language,
        CustomerStatus status,
        Address address,
        Address postalRedirectAddress) {

    public CustomerDetails {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
    }

    /** The details the fields' values give (the email as its text); no language or status is the default one. */
    public static CustomerDetails of(Map<CustomerField, ?> values) {
        return new CustomerDetails(
                (String) values.get(CustomerField.FIRST_NAME),
                (String) values.get(CustomerField.LAST_NAME),
                new Email((String) values.get(CustomerField.EMAIL)),
                (String) values.get(CustomerField.COMPANY_NAME),
                (String) values.get(CustomerField.LEGAL_ENTITY),
                Objects.requireNonNullElse((Language) values.get(CustomerField.LANGUAGE), Language.DEFAULT),
                Objects.requireNonNullElse((CustomerStatus) values.get(CustomerField.STATUS), CustomerStatus.DEFAULT),
                (Address) values.get(CustomerField.ADDRESS),
                (Address) values.get(CustomerField.POSTAL_REDIRECT_ADDRESS));
    }
}
