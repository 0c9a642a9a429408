package com.virtualoffice.registration.domain;

import java.util.OptionalInt;

/** How many live customers a seller's plan allows; a plan may allow any number. */
public record CustomerLimit(OptionalInt maximum) {

    public static final CustomerLimit UNLIMITED = new CustomerLimit(OptionalInt.empty());

    public CustomerLimit {
        if (maximum.isPresent() && maximum.getAsInt() < 0) {
            throw new IllegalArgumentException("a customer limit cannot be negative");
        }
    }

    public static CustomerLimit of(int maximum) {
        return new CustomerLimit(OptionalInt.of(maximum));
    }

    public boolean allowsMoreThan(int liveCustomers) {
        return maximum.isEmpty() || liveCustomers < maximum.getAsInt();
    }
}
