package com.virtualoffice.registration.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a seller must remember to decide: its plan, its live customers each with a 64-bit hash of its email, and
 * the exact email keys it has been shown.
 *
 * <p>Uniqueness is decided exactly although the state keeps hashes: a hash that no live customer holds proves an
 * email free; a hash that one holds proves it taken only once the holder's exact email key is known and equal. The
 * keys are known for the customers registered or changed most recently ({@link #RECENT_EMAILS} of them, which
 * covers every customer whose rows may not be committed yet: a batch is smaller), and the shell around the decider
 * brings in the key of any other holder before it decides ({@link #unconfirmedHolders}, {@link #confirm}). The
 * decider itself stays a function of its inputs: the state is all it reads. Where a holder's key is unknown all the
 * same, the email counts as taken: a hash never lets a second customer in under the same email.
 *
 * <p>The collections are updated in place by {@link Seller#evolve}, and the state given to it must not be used
 * again afterwards. Copying them on every event would make a large seller pay for all its customers on each
 * registration; in-place updates keep a command's cost flat as the seller grows.
 *
 * @param customers each live customer under its id and its email key's hash
 * @param knownEmailKeys exact email keys of some live customers: the most recently registered or changed, and the
 *                       ones confirmed from the record; bounded
 * @param apiKeys the seller's keys that are not deleted, each with whether it is revoked
 */
public record SellerState(UUID sellerId, String plan, CustomerIndex customers, Map<UUID, String> knownEmailKeys,
                          Map<UUID, Boolean> apiKeys) {

    /** Exact keys kept: four batches of commands at the default size (64), so that none of them needs the record. */
    static final int RECENT_EMAILS = 256;

    /** The hash an erased customer is held under until its erasure is folded in; an email meets it once in 2^64. */
    private static final long ERASED_EMAIL = 0L;

    public static final SellerState UNREGISTERED =
            new SellerState(null, null, CustomerIndex.empty(), Map.of(), Map.of());

    public static SellerState registered(UUID sellerId, String plan) {
        return restored(sellerId, plan, CustomerIndex.empty(), new HashMap<>());
    }

    /** A state rebuilt from a copy of its customers and keys: no exact email is known yet. */
    public static SellerState restored(UUID sellerId, String plan, CustomerIndex customers,
                                       Map<UUID, Boolean> apiKeys) {
        return new SellerState(sellerId, plan, customers, recentEmails(), apiKeys);
    }

    public boolean isRegistered() {
        return sellerId != null;
    }

    public int liveCustomers() {
        return customers.size();
    }

    public boolean holds(UUID customerId) {
        return customers.contains(customerId);
    }

    /** The live customer holding this email, letter case aside; see the class comment for how a hash hit is settled. */
    public Optional<UUID> customerHolding(Email email) {
        String key = email.uniquenessKey();
        return customers.holdersOf(CustomerIndex.hashOf(key)).stream()
                .filter(holder -> {
                    String known = knownEmailKeys.get(holder);
                    return known == null || known.equals(key);
                })
                .findFirst();
    }

    /** Customers whose email hash matches this email's but whose exact key is not known: the shell looks them up. */
    public List<UUID> unconfirmedHolders(Email email) {
        return customers.holdersOf(CustomerIndex.hashOf(email.uniquenessKey())).stream()
                .filter(holder -> !knownEmailKeys.containsKey(holder))
                .toList();
    }

    /** Learns the exact email of a live customer, as its record says; ignored for a customer not held. */
    public void confirm(UUID customerId, String email) {
        if (holds(customerId)) {
            knownEmailKeys.put(customerId, Email.keyOf(email));
        }
    }

    public boolean hasApiKey(UUID apiKeyId) {
        return apiKeys.containsKey(apiKeyId);
    }

    public boolean isRevoked(UUID apiKeyId) {
        return apiKeys.getOrDefault(apiKeyId, false);
    }

    SellerState onPlan(String newPlan) {
        return new SellerState(sellerId, newPlan, customers, knownEmailKeys, apiKeys);
    }

    SellerState withApiKey(UUID apiKeyId, boolean revoked) {
        apiKeys.put(apiKeyId, revoked);
        return this;
    }

    SellerState withoutApiKey(UUID apiKeyId) {
        apiKeys.remove(apiKeyId);
        return this;
    }

    /**
     * @param email {@code null} where the customer's personal data has since been erased: the customer is held
     *              under no email's hash until its erasure, which follows in the same history, removes it
     */
    SellerState withCustomer(UUID customerId, String email) {
        if (email == null) {
            customers.put(customerId, ERASED_EMAIL);
            knownEmailKeys.remove(customerId);
            return this;
        }
        String key = Email.keyOf(email);
        customers.put(customerId, CustomerIndex.hashOf(key));
        knownEmailKeys.remove(customerId); // re-inserted as the most recent
        knownEmailKeys.put(customerId, key);
        return this;
    }

    SellerState withoutCustomer(UUID customerId) {
        customers.remove(customerId);
        knownEmailKeys.remove(customerId);
        return this;
    }

    private static Map<UUID, String> recentEmails() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
                return size() > RECENT_EMAILS;
            }
        };
    }
}
