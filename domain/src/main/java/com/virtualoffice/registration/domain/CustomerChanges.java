package com.virtualoffice.registration.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fields a seller changes on a customer and their new values. Only the fields in {@link #changed()} count;
 * among them the optional ones may become {@code null}, which clears them.
 */
public record CustomerChanges(
        Set<CustomerField> changed,
        String firstName,
        String lastName,
        Email email,
        String companyName,
        String legalEntity,
        Language language,
        CustomerStatus status,
        Address address,
        Address postalRedirectAddress) {

    public CustomerChanges {
        changed = Collections.unmodifiableSet(changed.isEmpty()
                ? EnumSet.noneOf(CustomerField.class)
                : EnumSet.copyOf(changed));
        // A customer always has these; changing one means giving it a new value.
        requireValueIfChanged(changed, CustomerField.FIRST_NAME, firstName);
        requireValueIfChanged(changed, CustomerField.LAST_NAME, lastName);
        requireValueIfChanged(changed, CustomerField.EMAIL, email);
        requireValueIfChanged(changed, CustomerField.LANGUAGE, language);
        requireValueIfChanged(changed, CustomerField.STATUS, status);
    }

    public static CustomerChanges none() {
        return new CustomerChanges(Set.of(), null, null, null, null, null, null, null, null, null);
    }

    public boolean changes(CustomerField field) {
        return changed.contains(field);
    }

    public CustomerChanges withFirstName(String value) {
        return new CustomerChanges(plus(CustomerField.FIRST_NAME), value, lastName, email, companyName, legalEntity,
                language, status, address, postalRedirectAddress);
    }

    public CustomerChanges withLastName(String value) {
        return new CustomerChanges(plus(CustomerField.LAST_NAME), firstName, value, email, companyName, legalEntity,
                language, status, address, postalRedirectAddress);
    }

    public CustomerChanges withEmail(Email value) {
        return new CustomerChanges(plus(CustomerField.EMAIL), firstName, lastName, value, companyName, legalEntity,
                language, status, address, postalRedirectAddress);
    }

    public CustomerChanges withCompanyName(String value) {
        return new CustomerChanges(plus(CustomerField.COMPANY_NAME), firstName, lastName, email, value, legalEntity,
                language, status, address, postalRedirectAddress);
    }

    public CustomerChanges withLegalEntity(String value) {
        return new CustomerChanges(plus(CustomerField.LEGAL_ENTITY), firstName, lastName, email, companyName, value,
                language, status, address, postalRedirectAddress);
    }

    public CustomerChanges withLanguage(Language value) {
        return new CustomerChanges(plus(CustomerField.LANGUAGE), firstName, lastName, email, companyName, legalEntity,
                value, status, address, postalRedirectAddress);
    }

    public CustomerChanges withStatus(CustomerStatus value) {
        return new CustomerChanges(plus(CustomerField.STATUS), firstName, lastName, email, companyName, legalEntity,
                language, value, address, postalRedirectAddress);
    }

    public CustomerChanges withAddress(Address value) {
        return new CustomerChanges(plus(CustomerField.ADDRESS), firstName, lastName, email, companyName, legalEntity,
                language, status, value, postalRedirectAddress);
    }

    public CustomerChanges withPostalRedirectAddress(Address value) {
        return new CustomerChanges(plus(CustomerField.POSTAL_REDIRECT_ADDRESS), firstName, lastName, email,
                companyName, legalEntity, language, status, address, value);
    }

    private Set<CustomerField> plus(CustomerField field) {
        Set<CustomerField> fields = EnumSet.noneOf(CustomerField.class);
        fields.addAll(changed);
        fields.add(field);
        return fields;
    }

    private static void requireValueIfChanged(Set<CustomerField> changed, CustomerField field, Object value) {
        if (changed.contains(field) && value == null) {
            throw new IllegalArgumentException(field + " cannot be cleared");
        }
    }
}
