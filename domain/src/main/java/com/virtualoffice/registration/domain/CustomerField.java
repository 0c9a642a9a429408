package com.virtualoffice.registration.domain;

import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import java.util.function.Function;

/**
 * The parts of a customer a seller can change, each described once, in the order of the customer object: its
 * name (the one sellers use, which the read models keep as the column's name too), the type of its value,
 * whether it can be cleared, whether it is personal data, and where its value is in the two events that carry it. Every list of the
 * customer's fields (the read-side fold, the history's changes, the JSON object, the table's columns, the checks
 * of a change) walks these constants instead of naming the fields again.
 *
 * <p>Stored events name the constants, so a constant is never renamed.
 */
public enum CustomerField {
    FIRST_NAME("first_name", String.class, false, true, CustomerRegistered::firstName, CustomerUpdated::firstName),
    LAST_NAME("last_name", String.class, false, true, CustomerRegistered::lastName, CustomerUpdated::lastName),
    EMAIL("email", String.class, false, true, CustomerRegistered::email, CustomerUpdated::email),
    COMPANY_NAME("company_name", String.class, true, true,
            CustomerRegistered::companyName, CustomerUpdated::companyName),
    LEGAL_ENTITY("legal_entity", String.class, true, false,
            CustomerRegistered::legalEntity, CustomerUpdated::legalEntity),
    LANGUAGE("language", Language.class, false, false, CustomerRegistered::language, CustomerUpdated::language),
    ADDRESS("address_data", Address.class, true, true, CustomerRegistered::address, CustomerUpdated::address),
    POSTAL_REDIRECT_ADDRESS("postal_redirect_address", Address.class, true, true,
            CustomerRegistered::postalRedirectAddress, CustomerUpdated::postalRedirectAddress),
    STATUS("status", CustomerStatus.class, false, false, CustomerRegistered::status, CustomerUpdated::status);

    private final String key;
    private final Class<?> type;
    private final boolean clearable;
    private final boolean personal;
    private final Function<CustomerRegistered, Object> registered;
    private final Function<CustomerUpdated, Object> updated;

    CustomerField(String key, Class<?> type, boolean clearable, boolean personal,
                  Function<CustomerRegistered, Object> registered, Function<CustomerUpdated, Object> updated) {
        this.key = key;
        this.type = type;
        this.clearable = clearable;
        this.personal = personal;
        this.registered = registered;
        this.updated = updated;
    }

    /** The field's name where sellers see it ({@code first_name}), also its column in the read models. */
    public String key() {
        return key;
    }

    /** The class of the field's values: {@code String} for the email too, as the events hold it. */
    public Class<?> type() {
        return type;
    }

    /** Optional fields may be cleared (become {@code null}); a customer always has the others. */
    public boolean clearable() {
        return clearable;
    }

    /**
     * Whether the field says who the customer is (names, email, company name, addresses): what an erasure
     * removes and what is stored sealed. The language, status and legal form say nothing about a person alone.
     */
    public boolean personal() {
        return personal;
    }

    public Object valueIn(CustomerRegistered event) {
        return registered.apply(event);
    }

    /** The new value when the event changes this field; meaningless otherwise. */
    public Object valueIn(CustomerUpdated event) {
        return updated.apply(event);
    }
}
