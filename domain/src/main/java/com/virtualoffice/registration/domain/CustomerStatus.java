package com.virtualoffice.registration.domain;

import java.util.Arrays;
import java.util.Optional;

/** Where a customer stands with its seller. */
public enum CustomerStatus {
    ACTIVE("active"),
    INACTIVE("inactive"),
    SUSPENDED("suspended");

    public static final CustomerStatus DEFAULT = ACTIVE;

    private final String code;

    CustomerStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<CustomerStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst();
    }
}
