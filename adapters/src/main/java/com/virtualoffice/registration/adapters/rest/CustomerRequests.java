package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerChanges;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import tools.jackson.databind.JsonNode;

/**
 * The customer request bodies of the contract: which fields, in which order they are checked, and their limits.
 * Unknown properties are ignored.
 */
final class CustomerRequests {

    static final int NAME_MAX = 100;
    static final int COMPANY_NAME_MAX = 200;
    static final int LEGAL_ENTITY_MAX = 100;
    /** The longest address SMTP can carry (RFC 5321 path limit less the brackets). */
    static final int EMAIL_MAX = 254;
    static final int ADDRESS_PART_MAX = 200;

    private CustomerRequests() {
    }

    static CustomerDetails registration(JsonNode json) {
        BodyFields body = BodyFields.of(json);
        body.require("first_name", "last_name", "email");
        String firstName = body.nonBlankString("first_name", NAME_MAX);
        String lastName = body.nonBlankString("last_name", NAME_MAX);
        Email email = new Email(body.formatted("email", EMAIL_MAX, "email", Email::isWellFormed));
        String companyName = body.optionalString("company_name", COMPANY_NAME_MAX).orElse(null);
        String legalEntity = body.optionalString("legal_entity", LEGAL_ENTITY_MAX).orElse(null);
        Language language = body.has("language") ? body.oneOf("language", Language::fromCode) : Language.DEFAULT;
        CustomerStatus status = body.has("status")
                ? body.oneOf("status", CustomerStatus::fromCode)
                : CustomerStatus.DEFAULT;
        Address address = address(body, "address_data");
        Address postalRedirectAddress = address(body, "postal_redirect_address");
        return new CustomerDetails(firstName, lastName, email, companyName, legalEntity, language, status, address,
                postalRedirectAddress);
    }

    /** A PATCH body: only the fields present change; {@code null} clears the optional ones. */
    static CustomerChanges changes(JsonNode json) {
        BodyFields body = BodyFields.of(json);
        body.requireNotEmpty();
        CustomerChanges changes = CustomerChanges.none();
        if (body.has("first_name")) {
            changes = changes.withFirstName(body.nonBlankString("first_name", NAME_MAX));
        }
        if (body.has("last_name")) {
            changes = changes.withLastName(body.nonBlankString("last_name", NAME_MAX));
        }
        if (body.has("email")) {
            changes = changes.withEmail(new Email(body.formatted("email", EMAIL_MAX, "email", Email::isWellFormed)));
        }
        if (body.has("company_name")) {
            changes = changes.withCompanyName(body.optionalString("company_name", COMPANY_NAME_MAX).orElse(null));
        }
        if (body.has("legal_entity")) {
            changes = changes.withLegalEntity(body.optionalString("legal_entity", LEGAL_ENTITY_MAX).orElse(null));
        }
        if (body.has("language")) {
            changes = changes.withLanguage(body.oneOf("language", Language::fromCode));
        }
        if (body.has("status")) {
            changes = changes.withStatus(body.oneOf("status", CustomerStatus::fromCode));
        }
        if (body.has("address_data")) {
            changes = changes.withAddress(address(body, "address_data"));
        }
        if (body.has("postal_redirect_address")) {
            changes = changes.withPostalRedirectAddress(address(body, "postal_redirect_address"));
        }
        return changes;
    }

    private static Address address(BodyFields body, String field) {
        return body.optionalObject(field)
                .map(parts -> new Address(
                        parts.optionalStrictString("street", ADDRESS_PART_MAX),
                        parts.optionalStrictString("city", ADDRESS_PART_MAX),
                        parts.optionalStrictString("postal_code", ADDRESS_PART_MAX),
                        parts.optionalStrictString("country", ADDRESS_PART_MAX)))
                .orElse(null);
    }
}
