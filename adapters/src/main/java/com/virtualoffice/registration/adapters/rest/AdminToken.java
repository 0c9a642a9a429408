package com.virtualoffice.registration.adapters.rest;

import java.util.Objects;

/**
 * The operator API's bearer token.
 *
 * @param value the token
 * @param generated whether the service made it up at start because none was configured
 */
public record AdminToken(String value, boolean generated) {

    public AdminToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an admin token cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
