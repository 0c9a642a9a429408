package com.virtualoffice.registration.application.events;

import java.util.Arrays;

/** The kinds of customer event subscribers see, by the names they see. */
public enum CustomerEventType {
    CREATED("customer.created"),
    UPDATED("customer.updated"),
    DELETED("customer.deleted"),
    ERASED("customer.erased");

    private final String code;

    CustomerEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CustomerEventType fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no customer event type " + code));
    }
}
