package com.virtualoffice.registration.domain;

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
}
