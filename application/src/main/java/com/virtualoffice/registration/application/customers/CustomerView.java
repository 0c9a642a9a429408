package com.virtualoffice.registration.application.customers;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import com.virtualoffice.registration.domain.SellerEvent;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyDeleted;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyRevoked;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.domain.SellerEvent.SellerPlanChanged;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A customer as sellers see it, and the one fold that makes it from the seller's events ({@link #evolve}): the
 * customer table, the history, {@code as_of} and the PATCH answer all take the customer from it.
 */
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

    /**
     * The customer after the event, from the customer before it ({@code null} before its registration). A
     * registration makes the customer; an update gives the changed fields their new values and keeps the rest;
     * a deletion leaves the customer as it was when deleted (whether it is gone is the event's to say); an erasure
     * keeps only the fields that are not personal data; any other
     * event of the seller leaves it as it is.
     */
    public static CustomerView evolve(CustomerView customer, SellerEvent event) {
        return switch (event) {
            case CustomerRegistered registered -> of(registered.customerId(), registered.sellerId(),
                    valuesOf(registered), SOURCE_API, registered.registeredAt(), registered.registeredAt());
            case CustomerUpdated updated -> {
                Map<CustomerField, Object> values = customer.values();
                values.putAll(changes(updated));
                yield of(customer.id, customer.sellerId, values, customer.source, customer.createdAt,
                        updated.updatedAt());
            }
            case CustomerDeleted deleted -> customer;
            case CustomerErased erased -> customer.erased();
            case SellerRegistered other -> customer;
            case SellerPlanChanged other -> customer;
            case ApiKeyIssued other -> customer;
            case ApiKeyRevoked other -> customer;
            case ApiKeyDeleted other -> customer;
        };
    }

    /** The customer after the events of one decision, in order, from the customer before them. */
    public static CustomerView evolve(CustomerView customer, List<SellerEvent> events) {
        for (SellerEvent event : events) {
            customer = evolve(customer, event);
        }
        return customer;
    }

    /** What an update changes: its changed fields with their new values ({@code null} clears), in object order. */
    public static Map<CustomerField, Object> changes(CustomerUpdated event) {
        Map<CustomerField, Object> changes = new EnumMap<>(CustomerField.class);
        event.changed().forEach(field -> changes.put(field, field.valueIn(event)));
        return Collections.unmodifiableMap(changes);
    }

    /** The customer without its personal data: every {@linkplain CustomerField#personal() personal} field null. */
    public CustomerView erased() {
        Map<CustomerField, Object> values = values();
        values.replaceAll((field, value) -> field.personal() ? null : value);
        return of(id, sellerId, values, source, createdAt, updatedAt);
    }

    /** Whether this is what an erasure left: a customer always has an email until its personal data is erased. */
    public boolean personalDataErased() {
        return email == null;
    }

    public Object valueOf(CustomerField field) {
        return switch (field) {
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            case EMAIL -> email;
            case COMPANY_NAME -> companyName;
            case LEGAL_ENTITY -> legalEntity;
            case LANGUAGE -> language;
            case ADDRESS -> address;
            case POSTAL_REDIRECT_ADDRESS -> postalRedirectAddress;
            case STATUS -> status;
        };
    }

    /** Every field's value, in object order; {@code null} where it has none. */
    public Map<CustomerField, Object> values() {
        Map<CustomerField, Object> values = new EnumMap<>(CustomerField.class);
        for (CustomerField field : CustomerField.values()) {
            values.put(field, valueOf(field));
        }
        return values;
    }

    /** A customer from its fields' values, e.g. as a table or a document stores them. */
    public static CustomerView of(UUID id, UUID sellerId, Map<CustomerField, ?> values, String source,
                                  Instant createdAt, Instant updatedAt) {
        return new CustomerView(id, sellerId,
                (String) values.get(CustomerField.FIRST_NAME),
                (String) values.get(CustomerField.LAST_NAME),
                (String) values.get(CustomerField.EMAIL),
                (String) values.get(CustomerField.COMPANY_NAME),
                (String) values.get(CustomerField.LEGAL_ENTITY),
                (Language) values.get(CustomerField.LANGUAGE),
                (Address) values.get(CustomerField.ADDRESS),
                (Address) values.get(CustomerField.POSTAL_REDIRECT_ADDRESS),
                (CustomerStatus) values.get(CustomerField.STATUS),
                source, createdAt, updatedAt);
    }

    private static Map<CustomerField, Object> valuesOf(CustomerRegistered event) {
        Map<CustomerField, Object> values = new EnumMap<>(CustomerField.class);
        for (CustomerField field : CustomerField.values()) {
            values.put(field, field.valueIn(event));
        }
        return values;
    }
}
