package com.virtualoffice.registration.adapters.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Field checks that speak the grammar of the JSON-schema validator the hosted API uses ("body/first_name must be
 * string"). Each check throws on the first problem, so callers checking fields in contract order report exactly
 * the first error, as the contract wants.
 */
final class BodyFields {

    private final JsonNode body;
    private final String path;

    private BodyFields(JsonNode body, String path) {
        this.body = body;
        this.path = path;
    }

    /** The request body, which must be a JSON object. */
    static BodyFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("body must be object");
        }
        return new BodyFields(body, "body");
    }

    void require(String... fields) {
        for (String field : fields) {
            if (!body.has(field)) {
                throw ApiProblem.badRequest(path + " must have required property '" + field + "'");
            }
        }
    }

    void requireNotEmpty() {
        if (body.isEmpty()) {
            throw ApiProblem.badRequest(path + " must NOT have fewer than 1 properties");
        }
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** A string that must be present and non-null. */
    String string(String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString()) {
            throw typeError(field, "string");
        }
        String text = value.asString();
        if (text.indexOf('\u0000') >= 0) {
            // PostgreSQL text cannot hold it; say so rather than fail on the insert.
            throw ApiProblem.badRequest(at(field) + " must NOT contain the character U+0000");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            throw ApiProblem.badRequest(at(field) + " must NOT have more than " + maxLength + " characters");
        }
        return text;
    }

    /** A string that must also hold something besides white space. */
    String nonBlankString(String field, int maxLength) {
        String text = string(field, maxLength);
        if (text.isBlank()) {
            throw ApiProblem.badRequest(at(field) + " must NOT have fewer than 1 characters");
        }
        return text;
    }

    /** A string that may be absent or null; both mean "no value". */
    Optional<String> optionalString(String field, int maxLength) {
        return absentOrNull(field) ? Optional.empty() : Optional.of(string(field, maxLength));
    }

    /** One of a fixed set of string values, looked up by its code. */
    <T> T oneOf(String field, Function<String, Optional<T>> lookup) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString()) {
            throw typeError(field, "string");
        }
        return lookup.apply(value.asString()).orElseThrow(
                () -> ApiProblem.badRequest(at(field) + " must be equal to one of the allowed values"));
    }

    /** A string in the given format, e.g. "email". */
    String formatted(String field, int maxLength, String format, Predicate<String> valid) {
        String text = string(field, maxLength);
        if (!valid.test(text)) {
            throw ApiProblem.badRequest(at(field) + " must match format \"" + format + "\"");
        }
        return text;
    }

    /** An ISO 8601 date-time with an offset, e.g. {@code 2027-01-01T00:00:00.000Z}; absent or null is none. */
    Optional<Instant> optionalDateTime(String field) {
        if (absentOrNull(field)) {
            return Optional.empty();
        }
        String text = string(field, Integer.MAX_VALUE);
        return Optional.of(DateTimes.parse(text)
                .orElseThrow(() -> ApiProblem.badRequest(at(field) + " must match format \"date-time\"")));
    }

    /** A nested object, checked with the same grammar under its own path; absent or null is none. */
    Optional<BodyFields> optionalObject(String field) {
        if (absentOrNull(field)) {
            return Optional.empty();
        }
        JsonNode value = body.get(field);
        if (!value.isObject()) {
            throw typeError(field, "object");
        }
        return Optional.of(new BodyFields(value, at(field)));
    }

    /** A string inside a nested object that may be absent, but not null. */
    String optionalStrictString(String field, int maxLength) {
        return body.has(field) ? string(field, maxLength) : null;
    }

    /** An array that must be present, with at least {@code minItems} items; each is checked by the caller. */
    List<JsonNode> array(String field, int minItems) {
        JsonNode value = body.get(field);
        if (value == null || !value.isArray()) {
            throw typeError(field, "array");
        }
        if (value.size() < minItems) {
            throw ApiProblem.badRequest(at(field) + " must NOT have fewer than " + minItems + " items");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** An item of an array field that must be one of a fixed set of strings. */
    <T> T itemOneOf(String field, int index, JsonNode item, Function<String, Optional<T>> lookup) {
        String path = at(field) + "/" + index;
        if (!item.isString()) {
            throw ApiProblem.badRequest(path + " must be string");
        }
        return lookup.apply(item.asString()).orElseThrow(
                () -> ApiProblem.badRequest(path + " must be equal to one of the allowed values"));
    }

    private boolean absentOrNull(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull();
    }

    private ApiProblem typeError(String field, String type) {
        return ApiProblem.badRequest(at(field) + " must be " + type);
    }

    private String at(String field) {
        return path + "/" + field;
    }
}
