package com.virtualoffice.registration.adapters.rest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids in paths: a canonical UUID or nothing; anything else is simply not found. */
final class PathIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    static Optional<UUID> parse(String id) {
        return CANONICAL.matcher(id).matches() ? Optional.of(UUID.fromString(id)) : Optional.empty();
    }
}
