package com.virtualoffice.registration.support;

/** Request bodies for customers, so tests say only what matters to them. */
public final class Customers {

    private Customers() {
    }

    public static String withEmail(String email) {
        return "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + email + "\"}";
    }
}
