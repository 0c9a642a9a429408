package com.virtualoffice.registration.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What has happened to a seller. Events are stored for ever and read back by every later version of the
 * service, so they hold plain values only (strings, ids, instants, enums, addresses) and carry a revision.
 */
public sealed interface SellerEvent {

    UUID sellerId();

    @EventRevision("1")
    record SellerRegistered(UUID sellerId, String name, String plan, Instant registeredAt) implements SellerEvent {
    }

    @EventRevision("1")
    record ApiKeyIssued(UUID sellerId, UUID apiKeyId, String name, String keyHash, String keyPrefix,
                        Instant expiresAt, Instant issuedAt) implements SellerEvent {

        /** Without the hash: events end up in log lines and exception messages. */
        @Override
        public String toString() {
            return "ApiKeyIssued[sellerId=" + sellerId + ", apiKeyId=" + apiKeyId + ", keyPrefix=" + keyPrefix + "]";
        }
    }

    /** Revision 2: stored with its personal fields sealed; revision 1 (plaintext) has the same fields. */
    @EventRevision("2")
    record CustomerRegistered(UUID sellerId, UUID customerId, String firstName, String lastName, String email,
                              String companyName, String legalEntity, Language language, CustomerStatus status,
                              Address address, Address postalRedirectAddress, Instant registeredAt)
            implements SellerEvent {

        /** Read back after the customer's erasure: its personal fields are {@code null}; an email is never. */
        public boolean personalDataErased() {
            return email == null;
        }
    }

    /**
     * Only the fields in {@code changed} were changed, to the values given here; a changed optional field that is
     * {@code null} was cleared. The other value fields are {@code null} and mean nothing. Revision 2: stored with
     * its personal fields sealed; revision 1 (plaintext) has the same fields.
     */
    @EventRevision("2")
    record CustomerUpdated(UUID sellerId, UUID customerId, Set<CustomerField> changed, String firstName,
                           String lastName, String email, String companyName, String legalEntity, Language language,
                           CustomerStatus status, Address address, Address postalRedirectAddress, Instant updatedAt)
            implements SellerEvent {

        public static CustomerUpdated of(UUID sellerId, UUID customerId, CustomerChanges changes, Instant updatedAt) {
            return new CustomerUpdated(sellerId, customerId, changes.changed(),
                    (String) changes.valueOf(CustomerField.FIRST_NAME),
                    (String) changes.valueOf(CustomerField.LAST_NAME),
                    (String) changes.valueOf(CustomerField.EMAIL),
                    (String) changes.valueOf(CustomerField.COMPANY_NAME),
                    (String) changes.valueOf(CustomerField.LEGAL_ENTITY),
                    (Language) changes.valueOf(CustomerField.LANGUAGE),
                    (CustomerStatus) changes.valueOf(CustomerField.STATUS),
                    (Address) changes.valueOf(CustomerField.ADDRESS),
                    (Address) changes.valueOf(CustomerField.POSTAL_REDIRECT_ADDRESS),
                    updatedAt);
        }
    }

    /** The customer is gone from the seller's account; its history stays in the store. */
    @EventRevision("1")
    record CustomerDeleted(UUID sellerId, UUID customerId, Instant deletedAt) implements SellerEvent {
    }

    /**
     * The customer's personal data is erased: every personal field of its earlier events reads back as
     * {@code null} from now on, and a live customer leaves the seller (its email is free, it no longer counts).
     * The event itself holds no personal data: it is what remains of the customer.
     */
    @EventRevision("1")
    record CustomerErased(UUID sellerId, UUID customerId, Instant erasedAt) implements SellerEvent {
    }

    /** The seller's limit follows the new plan from the next decision on; existing customers stay. */
    @EventRevision("1")
    record SellerPlanChanged(UUID sellerId, String plan, Instant changedAt) implements SellerEvent {
    }

    /** The key stops working; it stays listed, so the audit trail shows who had it until when. */
    @EventRevision("1")
    record ApiKeyRevoked(UUID sellerId, UUID apiKeyId, Instant revokedAt) implements SellerEvent {
    }

    @EventRevision("1")
    record ApiKeyDeleted(UUID sellerId, UUID apiKeyId, Instant deletedAt) implements SellerEvent {
    }
}
