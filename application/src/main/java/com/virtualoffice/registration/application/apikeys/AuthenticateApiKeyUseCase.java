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
    private final IssuedKeys issuedKeys;
    private final ApiKeyUsage usage;
    private final InstantSource clock;

    public AuthenticateApiKeyUseCase(ApiKeyDirectory directory, UnknownKeys unknownKeys, IssuedKeys issuedKeys,
                                     ApiKeyUsage usage, InstantSource clock) {
        this.directory = directory;
        this.unknownKeys = unknownKeys;
        this.issuedKeys = issuedKeys;
        this.usage = usage;
        this.clock = clock;
    }

    /** The caller the presented key names, or why it names no one: the key as the directory has it now. */
    public Result<Caller, Refusal> authenticate(Optional<String> presented) {
        if (presented.isEmpty()) {
            return Result.rejected(Refusal.MISSING);
        }
        if (!ApiKeySecret.isWellFormed(presented.get())) {
            return Result.rejected(Refusal.INVALID);
        }
        String hash = new ApiKeySecret(presented.get()).hash();
        Result<Caller, Refusal> result = lookUp(hash);
        if (result instanceof Result.Accepted<Caller, Refusal> accepted) {
            usage.used(accepted.value().apiKeyId(), clock.instant());
        } else {
            issuedKeys.forget(hash);
        }
        return result;
    }

    /**
     * For a request whose seller decides it: the caller a remembered key names without looking the key up, or
     * else as {@link #authenticate} finds it. The seller's decision then refuses a key it no longer holds or holds
     * revoked ({@code PresentedKeyPolicy}), as the directory would; expiry, which no event marks, is checked here.
     * The key's use is recorded by {@link #used} once the request is answered.
     */
    public Result<Caller, Refusal> authenticateForDecision(Optional<String> presented) {
        Optional<StoredApiKey> remembered = presented.filter(ApiKeySecret::isWellFormed)
                .map(key -> new ApiKeySecret(key).hash())
                .flatMap(hash -> issuedKeys.find(hash).filter(key -> sameHash(key, hash)));
        if (remembered.isEmpty()) {
            return authenticate(presented);
        }
        StoredApiKey key = remembered.get();
        return isExpired(key) ? Result.rejected(Refusal.EXPIRED) : Result.accepted(callerOf(key));
    }

    /** The key let a request through: its last use is now. */
    public void used(Caller caller) {
        usage.used(caller.apiKeyId(), clock.instant());
    }

    private Result<Caller, Refusal> lookUp(String hash) {
        if (unknownKeys.isRemembered(hash)) {
            return Result.rejected(Refusal.INVALID);
        }
        Optional<StoredApiKey> stored = directory.findByHash(hash).filter(key -> sameHash(key, hash));
        if (stored.isEmpty()) {
            unknownKeys.remember(hash);
            return Result.rejected(Refusal.INVALID);
        }
        StoredApiKey key = stored.get();
        if (key.revokedAt() != null) {
            return Result.rejected(Refusal.REVOKED);
        }
        if (isExpired(key)) {
            return Result.rejected(Refusal.EXPIRED);
        }
        issuedKeys.remember(key);
        return Result.accepted(callerOf(key));
    }

    /**
     * The index lookup, and the memory's, compare hashes as strings; compare again in constant time so that timing
     * says nothing about how close a guess came.
     */
    private static boolean sameHash(StoredApiKey key, String hash) {
        return MessageDigest.isEqual(key.hash().getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean isExpired(StoredApiKey key) {
        return key.expiresAt() != null && !clock.instant().isBefore(key.expiresAt());
    }

    private static Caller callerOf(StoredApiKey key) {
        return new Caller(key.sellerId(), key.id(), key.prefix());
    }
}
