package com.virtualoffice.registration.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields a seller changes on a customer and their new values, as the update event will carry them (the email
 * as its text). Only the fields present count; among them the {@linkplain CustomerField#clearable() clearable}
 * ones may become {@code null}, which clears them.
 */
public record CustomerChanges(Map<CustomerField, Object> values) {

    public CustomerChanges {
        Map<CustomerField, Object> copy = new EnumMap<>(CustomerField.class);
        values.forEach((field, value) -> {
            // A customer always has the other fields; changing one means giving it a new value.
            if (value == null && !field.clearable()) {
                throw new IllegalArgumentException(field + " cannot be cleared");
            }
            if (value != null && !field.type().isInstance(value)) {
                throw new IllegalArgumentException(field + " takes a " + field.type().getSimpleName() + ", not "
                        + value.getClass().getSimpleName());
            }
            copy.put(field, value);
        });
        values = Collections.unmodifiableMap(copy);
    }

    public static CustomerChanges none() {
        return new CustomerChanges(Map.of());
    }

    /** These changes and one more: the field takes the value, {@code null} to clear it. */
    public CustomerChanges with(CustomerField field, Object value) {
        Map<CustomerField, Object> more = new EnumMap<>(CustomerField.class);
        more.putAll(values);
        more.put(field, value);
        return new CustomerChanges(more);
    }

    public Set<CustomerField> changed() {
        return values.keySet();
    }

    public boolean changes(CustomerField field) {
        return values.containsKey(field);
    }

    /** The field's new value; {@code null} when it is cleared or not changed. */
    public Object valueOf(CustomerField field) {
        return values.get(field);
    }

    /** The new email, the one value a decision looks at. */
    public Email email() {
        return changes(CustomerField.EMAIL) ? new Email((String) valueOf(CustomerField.EMAIL)) : null;
    }

    public CustomerChanges withFirstName(String value) {
        return with(CustomerField.FIRST_NAME, value);
    }

    public CustomerChanges withLastName(String value) {
        return with(CustomerField.LAST_NAME, value);
    }

    public CustomerChanges withEmail(Email value) {
        return with(CustomerField.EMAIL, value == null ? null : value.value());
    }

    public CustomerChanges withCompanyName(String value) {
        return with(CustomerField.COMPANY_NAME, value);
    }

    public CustomerChanges withLegalEntity(String value) {
        return with(CustomerField.LEGAL_ENTITY, value);
    }

    public CustomerChanges withLanguage(Language value) {
        return with(CustomerField.LANGUAGE, value);
    }

    public CustomerChanges withStatus(CustomerStatus value) {
        return with(CustomerField.STATUS, value);
    }

    public CustomerChanges withAddress(Address value) {
        return with(CustomerField.ADDRESS, value);
    }

    public CustomerChanges withPostalRedirectAddress(Address value) {
        return with(CustomerField.POSTAL_REDIRECT_ADDRESS, value);
    }
}
