package com.virtualoffice.registration.application.apikeys;

import java.util.UUID;

/** The result of checking the key a request presents. */
public sealed interface Authentication {

    /** The seller the key belongs to, and the key, for the audit trail. */
    record Authenticated(UUID sellerId, UUID apiKeyId, String apiKeyPrefix) implements Authentication {
    }

    record Refused(Reason reason) implements Authentication {
    }

    enum Reason {
        MISSING,
        INVALID,
        REVOKED,
        EXPIRED
    }
}
