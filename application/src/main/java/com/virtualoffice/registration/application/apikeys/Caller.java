package com.virtualoffice.registration.application.apikeys;

import java.util.UUID;

/** Who a request's key says is calling: the seller it belongs to, and the key, for the audit trail. */
public record Caller(UUID sellerId, UUID apiKeyId, String apiKeyPrefix) {

    /** Why a presented key lets no one in. */
    public enum Refusal {
        MISSING,
        INVALID,
        REVOKED,
        EXPIRED
    }
}
