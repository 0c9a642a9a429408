package com.virtualoffice.registration.domain;

/**
 * A postal address as the client gave it. Each part is optional: {@code null} means the client did not send
 * it, so an address with no parts is the empty address {@code {}}, which is different from no address at all.
 */
public record Address(String street, String city, String postalCode, String country) {

    public static final Address EMPTY = new Address(null, null, null, null);
}
