package com.virtualoffice.registration.application.events;

import java.util.Arrays;

/** The kinds of customer event subscribers see, by the names they see. */
public enum CustomerEventType {
    CREATED("customer.created"),
    UPDATED("customer.updated"),
    DELETED("customer.deleted"),
    /** The customer's personal data is erased: subscribers erase their copies too. */
    ERASED("customer.erased");

    private final String code;

    CustomerEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether the customer is gone after an event of this type: it was deleted, or erased. */
    public boolean ends() {
        return this == DELETED || this == ERASED;
    }

    /**
     * Whether every webhook endpoint of the seller receives events of this type, whichever it listens for: an
     * erasure reaches every endpoint, since each may hold a copy of the customer to erase.
     */
    public boolean toEveryEndpoint() {
        return this == ERASED;
    }

    public static CustomerEventType fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no customer event type " + code));
    }
}
