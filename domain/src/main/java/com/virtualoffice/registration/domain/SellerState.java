package com.virtualoffice.registration.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a seller must remember to decide: its plan and which customer holds which email. The live customer count
 * is the number of emails held, since every live customer holds exactly one.
 *
 * <p>The email map is updated in place by {@link Seller#evolve}, and the state given to it must not be used
 * again afterwards. Copying the map on every event would make a seller with 100,000 customers pay for all of
 * them on each registration; in-place updates keep a command's cost flat as the seller grows.
 */
public record SellerState(UUID sellerId, String plan, Map<String, UUID> customersByEmail) {

    public static final SellerState UNREGISTERED = new SellerState(null, null, Map.of());

    public static SellerState registered(UUID sellerId, String plan) {
        return new SellerState(sellerId, plan, new HashMap<>());
    }

    public boolean isRegistered() {
        return sellerId != null;
    }

    public int liveCustomers() {
        return customersByEmail.size();
    }

    public Optional<UUID> customerHolding(Email email) {
        return Optional.ofNullable(customersByEmail.get(email.uniquenessKey()));
    }

    SellerState withCustomer(String email, UUID customerId) {
        customersByEmail.put(Email.keyOf(email), customerId);
        return this;
    }
}
