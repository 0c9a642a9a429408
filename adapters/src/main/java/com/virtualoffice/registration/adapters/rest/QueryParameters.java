package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.application.customers.CustomerQuery;
import com.virtualoffice.registration.application.sellers.SellerQuery;
import com.virtualoffice.registration.domain.CustomerStatus;
import jakarta.servlet.http.HttpServletRequest;
import com.virtualoffice.registration.application.events.CustomerEvent;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Query strings, checked in the validation grammar of the contract, first error only. */
final class QueryParameters {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int TEXT_MAX = 200;

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final BigInteger MIN = BigInteger.ONE;
    private static final BigInteger MAX = BigInteger.valueOf(MAX_LIMIT);

    private QueryParameters() {
    }

    /** The customer list's parameters. */
    static CustomerQuery customerQuery(HttpServletRequest request) {
        int limit = limit(request);
        Optional<UUID> startingAfter = idCursor(request);
        Optional<CustomerStatus> status = single(request, "status").map(code -> CustomerStatus.fromCode(code)
                .orElseThrow(() -> ApiProblem.badRequest(
                        "querystring/status must be equal to one of the allowed values")));
        Optional<String> email = single(request, "email").map(text -> atMost("email", text,
                CustomerRequests.EMAIL_MAX));
        return new CustomerQuery(limit, startingAfter, status, email, text(request));
    }

    /** The seller list's parameters; {@code plan} must name a configured plan. */
    static SellerQuery sellerQuery(HttpServletRequest request, Predicate<String> isPlan) {
        int limit = limit(request);
        Optional<UUID> startingAfter = idCursor(request);
        Optional<String> plan = single(request, "plan").map(name -> {
            if (!isPlan.test(name)) {
                throw ApiProblem.badRequest("querystring/plan must be equal to one of the allowed values");
            }
            return name;
        });
        return new SellerQuery(limit, startingAfter, text(request), plan);
    }

    /** A list's cursor: the id of the last item of the previous page. */
    private static Optional<UUID> idCursor(HttpServletRequest request) {
        return single(request, "starting_after").map(id -> PathIds.parse(id)
                .orElseThrow(() -> ApiProblem.badRequest("querystring/starting_after must match format \"uuid\"")));
    }

    /** A list's search text, {@code q}; empty searches for nothing in particular. */
    private static Optional<String> text(HttpServletRequest request) {
        return single(request, "q").filter(q -> !q.isEmpty()).map(q -> atMost("q", q, TEXT_MAX));
    }

    /** A page size: {@code limit}, 1 to 100, 20 when absent. */
    static int limit(HttpServletRequest request) {
        return single(request, "limit").map(QueryParameters::limit).orElse(DEFAULT_LIMIT);
    }

    static final String UNKNOWN_EVENT = "querystring/starting_after must be the id of one of your events";
    static final String UNKNOWN_HISTORY_EVENT =
            "querystring/starting_after must be the id of one of this customer's events";

    /**
     * An event id to continue after; an id that cannot be one is as unknown as one that never was, and refused with
     * the given message.
     */
    static Optional<UUID> eventCursor(HttpServletRequest request, String unknown) {
        return single(request, "starting_after").map(id -> CustomerEvent.fromPublicId(id)
                .orElseThrow(() -> ApiProblem.badRequest(unknown)));
    }

    /** An ISO 8601 date-time with an offset, e.g. {@code 2024-01-15T10:30:00.000Z}. */
    static Optional<Instant> dateTime(HttpServletRequest request, String name) {
        return single(request, name).map(value -> DateTimes.parse(value)
                .orElseThrow(() -> ApiProblem.badRequest("querystring/" + name + " must match format \"date-time\"")));
    }

    private static int limit(String value) {
        if (!INTEGER.matcher(value).matches()) {
            throw ApiProblem.badRequest("querystring/limit must be integer");
        }
        BigInteger limit = new BigInteger(value);
        if (limit.compareTo(MIN) < 0) {
            throw ApiProblem.badRequest("querystring/limit must be >= " + MIN);
        }
        if (limit.compareTo(MAX) > 0) {
            throw ApiProblem.badRequest("querystring/limit must be <= " + MAX);
        }
        return limit.intValueExact();
    }

    private static String atMost(String name, String value, int maxLength) {
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw ApiProblem.badRequest("querystring/" + name + " must NOT have more than " + maxLength
                    + " characters");
        }
        return value;
    }

    /** A parameter given once; given several times it is an array, which no parameter here accepts. */
    private static Optional<String> single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return Optional.empty();
        }
        if (values.length > 1) {
            throw ApiProblem.badRequest("querystring/" + name + " must be " + (name.equals("limit") ? "integer" : "string"));
        }
        return Optional.of(values[0]);
    }
}
