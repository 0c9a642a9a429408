package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory.StoredApiKey;
import com.virtualoffice.registration.application.apikeys.Authentication.Authenticated;
import com.virtualoffice.registration.application.apikeys.Authentication.Reason;
import com.virtualoffice.registration.application.apikeys.Authentication.Refused;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.Optional;

/** Every seller API call starts here: which seller, through which key, if any. */
public final class AuthenticateApiKeyUseCase {

    private final ApiKeyDirectory directory;
    private final UnknownKeys unknownKeys;
    private final ApiKeyUsage usage;
    private final InstantSource clock;

    public AuthenticateApiKeyUseCase(ApiKeyDirectory directory, UnknownKeys unknownKeys, ApiKeyUsage usage,
                                     InstantSource clock) {
        this.directory = directory;
        this.unknownKeys = unknownKeys;
        this.usage = usage;
        this.clock = clock;
    }

    public Authentication authenticate(Optional<String> presented) {
        if (presented.isEmpty()) {
            return new Refused(Reason.MISSING);
        }
        if (!ApiKeySecret.isWellFormed(presented.get())) {
            return new Refused(Reason.INVALID);
        }
        String hash = new ApiKeySecret(presented.get()).hash();
        if (unknownKeys.isRemembered(hash)) {
            return new Refused(Reason.INVALID);
        }
        Optional<StoredApiKey> stored = directory.findByHash(hash)
                // The index lookup compares hashes in SQL; compare again in constant time so that timing
                // says nothing about how close a guess came.
                .filter(key -> MessageDigest.isEqual(key.hash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)));
        if (stored.isEmpty()) {
            unknownKeys.remember(hash);
            return new Refused(Reason.INVALID);
        }
        StoredApiKey key = stored.get();
        if (key.revokedAt() != null) {
            return new Refused(Reason.REVOKED);
        }
        var now = clock.instant();
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            return new Refused(Reason.EXPIRED);
        }
        usage.used(key.id(), now);
        return new Authenticated(key.sellerId(), key.id(), key.prefix());
    }
}
