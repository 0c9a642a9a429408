package com.virtualoffice.registration.adapters.rest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Date-times clients send: ISO 8601 with an offset, within the years a database timestamp can hold. */
final class DateTimes {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private DateTimes() {
    }

    /** Empty for anything else, including valid ISO 8601 outside years 1 to 9999 (PostgreSQL stops earlier). */
    static Optional<Instant> parse(String text) {
        try {
            Instant instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? Optional.empty() : Optional.of(instant);
        } catch (DateTimeException notADateTime) {
            return Optional.empty();
        }
    }
}
