package com.virtualoffice.registration.domain;

import com.virtualoffice.registration.domain.Rejection.PresentedKeyNotHeld;
import com.virtualoffice.registration.domain.Rejection.PresentedKeyRevoked;
import java.util.Optional;
import java.util.UUID;

/**
 * A seller acts through a key only while it holds the key unrevoked. The seller's state is checked against the
 * store before every decision, so a revocation or deletion made anywhere is seen by the next command.
 */
public final class PresentedKeyPolicy {

    private PresentedKeyPolicy() {
    }

    public static Optional<Rejection> checkHeld(SellerState seller, UUID apiKeyId) {
        if (!seller.hasApiKey(apiKeyId)) {
            return Optional.of(new PresentedKeyNotHeld());
        }
        return seller.isRevoked(apiKeyId) ? Optional.of(new PresentedKeyRevoked()) : Optional.empty();
    }
}
