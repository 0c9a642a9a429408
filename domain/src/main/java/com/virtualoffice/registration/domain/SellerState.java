package com.virtualoffice.registration.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a seller must remember to decide: its plan and which live customer holds which email, both ways round.
 * The live customer count is the number of customers held.
 *
 * <p>The maps are updated in place by {@link Seller#evolve}, and the state given to it must not be used again
 * afterwards. Copying them on every event would make a seller with 100,000 customers pay for all of them on each
 * registration; in-place updates keep a command's cost flat as the seller grows.
 *
 * @param customersByEmail each live customer's id under its email's uniqueness key
 * @param emailKeysByCustomer each live customer's email uniqueness key under its id
 * @param apiKeys the seller's keys that are not deleted, each with whether it is revoked
 */
public record SellerState(UUID sellerId, String plan, Map<String, UUID> customersByEmail,
                          Map<UUID, String> emailKeysByCustomer, Map<UUID, Boolean> apiKeys) {

    public static final SellerState UNREGISTERED = new SellerState(null, null, Map.of(), Map.of(), Map.of());

    public static SellerState registered(UUID sellerId, String plan) {
        return new SellerState(sellerId, plan, new HashMap<>(), new HashMap<>(), new HashMap<>());
    }

    public boolean isRegistered() {
        return sellerId != null;
    }

    public int liveCustomers() {
        return emailKeysByCustomer.size();
    }

    public boolean holds(UUID customerId) {
        return emailKeysByCustomer.containsKey(customerId);
    }

    public Optional<UUID> customerHolding(Email email) {
        return Optional.ofNullable(customersByEmail.get(email.uniquenessKey()));
    }

    public boolean hasApiKey(UUID apiKeyId) {
        return apiKeys.containsKey(apiKeyId);
    }

    public boolean isRevoked(UUID apiKeyId) {
        return apiKeys.getOrDefault(apiKeyId, false);
    }

    SellerState onPlan(String newPlan) {
        return new SellerState(sellerId, newPlan, customersByEmail, emailKeysByCustomer, apiKeys);
    }

    SellerState withApiKey(UUID apiKeyId, boolean revoked) {
        apiKeys.put(apiKeyId, revoked);
        return this;
    }

    SellerState withoutApiKey(UUID apiKeyId) {
        apiKeys.remove(apiKeyId);
        return this;
    }

    SellerState withCustomer(UUID customerId, String email) {
        String key = Email.keyOf(email);
        customersByEmail.put(key, customerId);
        emailKeysByCustomer.put(customerId, key);
        return this;
    }

    SellerState withoutCustomer(UUID customerId) {
        String key = emailKeysByCustomer.remove(customerId);
        if (key != null) {
            customersByEmail.remove(key);
        }
        return this;
    }
}
