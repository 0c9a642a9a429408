package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.domain.Address;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Addresses as JSONB: only the parts the client sent, so that {@code {}} and no address stay distinct. */
final class AddressJson {

    private final ObjectMapper mapper;

    AddressJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(Address address) {
        if (address == null) {
            return null;
        }
        ObjectNode json = mapper.createObjectNode();
        putIfPresent(json, "street", address.street());
        putIfPresent(json, "city", address.city());
        putIfPresent(json, "postal_code", address.postalCode());
        putIfPresent(json, "country", address.country());
        return mapper.writeValueAsString(json);
    }

    Address read(String jsonb) {
        if (jsonb == null) {
            return null;
        }
        JsonNode json = mapper.readTree(jsonb);
        return new Address(text(json, "street"), text(json, "city"), text(json, "postal_code"),
                text(json, "country"));
    }

    private static void putIfPresent(ObjectNode json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String text(JsonNode json, String key) {
        JsonNode value = json.get(key);
        return value == null || value.isNull() ? null : value.asString();
    }
}
