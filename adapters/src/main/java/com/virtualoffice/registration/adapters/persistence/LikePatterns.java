package com.virtualoffice.registration.adapters.persistence;

import java.util.regex.Pattern;

/** Patterns for {@code ILIKE} that take a search text literally: its {@code %}, {@code _} and {@code \} match themselves. */
final class LikePatterns {

    private static final Pattern SPECIALS = Pattern.compile("[\\\\%_]");

    private LikePatterns() {
    }

    /** Matches any text that contains {@code text}. */
    static String containing(String text) {
        return "%" + SPECIALS.matcher(text).replaceAll("\\\\$0") + "%";
    }
}
