package com.virtualoffice.registration.support;

/** Request bodies for customers, so tests say only what matters to them. */
public final class Customers {

    private Customers() {
    }

    public static String withEmail(String email) {
        return "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + email + "\"}";
    }

    /** Every field a client may send, with non-ASCII text, so that a field dropped or mangled on the way shows. */
    public static String withEveryField(String email) {
        return """
                {
                  "first_name": "Jürgen",
                  "last_name": "Łukasiewicz",
                  "email": "%s",
                  "company_name": "Müller & Söhne",
                  "legal_entity": "GmbH",
                  "language": "en",
                  "status": "suspended",
                  "address_data": {"street": "Hauptstraße 1", "city": "Berlin", "postal_code": "10115", "country": "DE"},
                  "postal_redirect_address": {"street": "1 Main St", "city": "Springfield", "postal_code": "12345",
                                              "country": "US"}
                }
                """.formatted(email);
    }
}
