package com.virtualoffice.registration.adapters.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.domain.Address;
import com.virtualoffice.registration.domain.CustomerField;
import com.virtualoffice.registration.domain.CustomerStatus;
import com.virtualoffice.registration.domain.Language;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The customer object of the contract: {@code id}, {@code seller_id}, then every {@link CustomerField} under its
 * key in object order, then {@code source}, {@code created_at}, {@code updated_at}; absent values as null.
 */
public record CustomerJson(@JsonValue Map<String, Object> properties) {

    /** Only the parts the client sent, in the contract's order; no parts at all is {@code {}}. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"street", "city", "postal_code", "country"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddressJson(String street, String city, String postalCode, String country) {

        public static AddressJson of(Address address) {
            return address == null
                    ? null
                    : new AddressJson(address.street(), address.city(), address.postalCode(), address.country());
        }
    }

    public static CustomerJson of(CustomerView customer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", customer.id().toString());
        properties.put("seller_id", customer.sellerId().toString());
        customer.values().forEach((field, value) -> properties.put(field.key(), value(value)));
        properties.put("source", customer.source());
        properties.put("created_at", JsonTimestamps.format(customer.createdAt()));
        properties.put("updated_at", JsonTimestamps.format(customer.updatedAt()));
        return new CustomerJson(Collections.unmodifiableMap(properties));
    }

    /** A field's value as the contract writes it: codes for the enumerations, addresses with the parts sent. */
    static Object value(Object value) {
        return switch (value) {
            case null -> null;
            case Language language -> language.code();
            case CustomerStatus status -> status.code();
            case Address address -> AddressJson.of(address);
            default -> value;
        };
    }
}
