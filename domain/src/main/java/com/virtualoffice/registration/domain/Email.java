package com.virtualoffice.registration.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A customer's email address, kept exactly as the client wrote it. Two emails are the same customer's when
 * they match ignoring letter case, which is what {@link #uniquenessKey()} captures.
 */
public record Email(String value) {

    // The common JSON-schema "email" format: dot-separated runs of atext, '@', two or more hostname labels.
    private static final Pattern FORMAT = Pattern.compile(
            "^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$",
            Pattern.CASE_INSENSITIVE);

    public Email {
        Objects.requireNonNull(value, "email");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a well-formed email address");
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    /** Emails collide ignoring letter case; the format admits ASCII only, so ROOT lower-casing is exact. */
    public String uniquenessKey() {
        return keyOf(value);
    }

    public static String keyOf(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
