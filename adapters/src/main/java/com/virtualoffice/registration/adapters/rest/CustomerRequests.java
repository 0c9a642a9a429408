package com.virtualoffice.registration.adapters.rest;

import static com.virtualoffice.registration.domain.CustomerField.ADDRESS;
import static com.virtualoffice.registration.domain.CustomerField.COMPANY_NAME;
import static com.virtualoffice.registration.domain.CustomerField.EMAIL;
import static com.virtualoffice.registration.domain.CustomerField.FIRST_NAME;
import static com.virtualoffice.registration.domain.CustomerField.LANGUAGE;
import static com.virtualoffice.registration.domain.CustomerField.LAST_NAME;
import static com.virtualoffice.registration.domain.CustomerField.LEGAL_ENTITY;
import static com.virtualoffice.registration.domain.CustomerField.POSTAL_REDIRECT_ADDRESS;
import static com.virtualoffice.registration.domain.CustomerField.STATUS;

import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerChanges;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Email;
import com.virtualoffice.registration.domain.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    /** The request bodies list, and so check, the status before the addresses (the customer object after). */
    private static final List<CustomerField> IN_CONTRACT_ORDER = List.of(FIRST_NAME, LAST_NAME, EMAIL, COMPANY_NAME,
            LEGAL_ENTITY, LANGUAGE, STATUS, ADDRESS, POSTAL_REDIRECT_ADDRESS);

    private CustomerRequests() {
    }

    static CustomerDetails registration(JsonNode json) {
        BodyFields body = BodyFields.of(json);
        body.require(FIRST_NAME.key(), LAST_NAME.key(), EMAIL.key());
        Map<CustomerField, Object> values = new EnumMap<>(CustomerField.class);
        for (CustomerField field : IN_CONTRACT_ORDER) {
            values.put(field, body.has(field.key()) ? value(body, field) : null);
        }
        return CustomerDetails.of(values);
    }

    /** A PATCH body: only the fields present change; {@code null} clears the optional ones. */
    static CustomerChanges changes(JsonNode json) {
        BodyFields body = BodyFields.of(json);
        body.requireNotEmpty();
        CustomerChanges changes = CustomerChanges.none();
        for (CustomerField field : IN_CONTRACT_ORDER) {
            if (body.has(field.key())) {
                changes = changes.with(field, value(body, field));
            }
        }
        return changes;
    }

    /** The field's value in a body that has it, by the field's grammar; {@code null} clears an optional one. */
    private static Object value(BodyFields body, CustomerField field) {
        String key = field.key();
        return switch (field) {
            case FIRST_NAME, LAST_NAME -> body.nonBlankString(key, NAME_MAX);
            case EMAIL -> body.formatted(key, EMAIL_MAX, "email", Email::isWellFormed);
            case COMPANY_NAME -> body.optionalString(key, COMPANY_NAME_MAX).orElse(null);
            case LEGAL_ENTITY -> body.optionalString(key, LEGAL_ENTITY_MAX).orElse(null);
            case LANGUAGE -> body.oneOf(key, Language::fromCode);
            case STATUS -> body.oneOf(key, CustomerStatus::fromCode);
            case ADDRESS, POSTAL_REDIRECT_ADDRESS -> address(body, key);
        };
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
