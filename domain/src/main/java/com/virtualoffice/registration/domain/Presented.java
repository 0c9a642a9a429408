package com.virtualoffice.registration.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A command as it reaches the seller: with the API key it was sent with, or without one when an operator or the
 * service itself sends it. A key's command is decided only while the seller holds that key ({@link PresentedKeyPolicy}).
 */
public record Presented(SellerCommand command, Optional<UUID> apiKeyId) {

    public Presented {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(apiKeyId, "apiKeyId");
    }

    public static Presented withKey(SellerCommand command, UUID apiKeyId) {
        return new Presented(command, Optional.of(apiKeyId));
    }

    public static Presented withoutKey(SellerCommand command) {
        return new Presented(command, Optional.empty());
    }
}
