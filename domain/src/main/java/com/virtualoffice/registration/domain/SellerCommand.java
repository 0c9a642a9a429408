package com.virtualoffice.registration.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Everything a seller's consistency boundary can be asked to do. Each command names the seller it targets. */
public sealed interface SellerCommand {

    UUID sellerId();

    /** When the command was issued; the events it causes happen at this instant. */
    Instant issuedAt();

    record RegisterSeller(UUID sellerId, String name, String plan, Instant issuedAt) implements SellerCommand {
        public RegisterSeller {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    /** Only the key's hash and its displayable prefix reach the seller; the key itself never leaves the edge. */
    record IssueApiKey(UUID sellerId, UUID apiKeyId, String name, String keyHash, String keyPrefix,
                       Instant expiresAt, Instant issuedAt) implements SellerCommand {
        public IssueApiKey {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(apiKeyId, "apiKeyId");
            Objects.requireNonNull(keyHash, "keyHash");
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }

        /** Without the hash: commands end up in log lines and exception messages. */
        @Override
        public String toString() {
            return "IssueApiKey[sellerId=" + sellerId + ", apiKeyId=" + apiKeyId + ", keyPrefix=" + keyPrefix + "]";
        }
    }

    record RegisterCustomer(UUID sellerId, UUID customerId, CustomerDetails details, Instant issuedAt)
            implements SellerCommand {
        public RegisterCustomer {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(details, "details");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    record UpdateCustomer(UUID sellerId, UUID customerId, CustomerChanges changes, Instant issuedAt)
            implements SellerCommand {
        public UpdateCustomer {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(changes, "changes");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    record DeleteCustomer(UUID sellerId, UUID customerId, Instant issuedAt) implements SellerCommand {
        public DeleteCustomer {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    /**
     * Erase a customer's personal data, live or deleted (GDPR art. 17). The seller remembers only its live
     * customers, so whether a deleted one ever belonged to it is checked against the record before this is sent.
     */
    record EraseCustomer(UUID sellerId, UUID customerId, Instant issuedAt) implements SellerCommand {
        public EraseCustomer {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    record ChangePlan(UUID sellerId, String plan, Instant issuedAt) implements SellerCommand {
        public ChangePlan {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    record RevokeApiKey(UUID sellerId, UUID apiKeyId, Instant issuedAt) implements SellerCommand {
        public RevokeApiKey {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(apiKeyId, "apiKeyId");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }

    record DeleteApiKey(UUID sellerId, UUID apiKeyId, Instant issuedAt) implements SellerCommand {
        public DeleteApiKey {
            Objects.requireNonNull(sellerId, "sellerId");
            Objects.requireNonNull(apiKeyId, "apiKeyId");
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }
}
