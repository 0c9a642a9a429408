package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory.StoredApiKey;
import com.virtualoffice.registration.application.apikeys.Caller.Refusal;
import com.virtualoffice.registration.application.shared.Result;
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

    /** The caller the presented key names, or why it names no one. */
    public Result<Caller, Refusal> authenticate(Optional<String> presented) {
        if (presented.isEmpty()) {
            return Result.rejected(Refusal.MISSING);
        }
        if (!ApiKeySecret.isWellFormed(presented.get())) {
            return Result.rejected(Refusal.INVALID);
        }
        String hash = new ApiKeySecret(presented.get()).hash();
        if (unknownKeys.isRemembered(hash)) {
            return Result.rejected(Refusal.INVALID);
        }
        Optional<StoredApiKey> stored = directory.findByHash(hash)
                // The index lookup compares hashes in SQL; compare again in constant time so that timing
                // says nothing about how close a guess came.
                .filter(key -> MessageDigest.isEqual(key.hash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)));
        if (stored.isEmpty()) {
            unknownKeys.remember(hash);
            return Result.rejected(Refusal.INVALID);
        }
        StoredApiKey key = stored.get();
        if (key.revokedAt() != null) {
            return Result.rejected(Refusal.REVOKED);
        }
        var now = clock.instant();
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            return Result.rejected(Refusal.EXPIRED);
        }
        usage.used(key.id(), now);
        return Result.accepted(new Caller(key.sellerId(), key.id(), key.prefix()));
    }
}
