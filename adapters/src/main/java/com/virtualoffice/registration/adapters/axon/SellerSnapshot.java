package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.SellerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A seller's state as a snapshot stores it: each live customer once, as an id and an email key at the same
 * position of two lists, rather than the state's two maps. Keyed by email, a map became a JSON object with one
 * field name per customer, and Jackson interns every field name it reads: restoring a seller of 100,000
 * customers grew and rehashed its name table for each of them, and was most of what the service allocated under
 * load. Lists of plain strings are half the size and read without that.
 *
 * @param customerIds the live customers' ids
 * @param emailKeys the email uniqueness key of the customer at the same position in {@code customerIds}
 * @param apiKeys the seller's keys that are not deleted, each with whether it is revoked
 */
record SellerSnapshot(UUID sellerId, String plan, List<UUID> customerIds, List<String> emailKeys,
                      Map<UUID, Boolean> apiKeys) {

    static SellerSnapshot of(SellerState state) {
        List<UUID> ids = new ArrayList<>(state.liveCustomers());
        List<String> keys = new ArrayList<>(state.liveCustomers());
        state.emailKeysByCustomer().forEach((id, key) -> {
            ids.add(id);
            keys.add(key);
        });
        return new SellerSnapshot(state.sellerId(), state.plan(), ids, keys, Map.copyOf(state.apiKeys()));
    }

    SellerState restore() {
        if (sellerId == null) {
            return SellerState.UNREGISTERED;
        }
        if (customerIds.size() != emailKeys.size()) {
            throw new IllegalStateException("a snapshot of seller " + sellerId + " has " + customerIds.size()
                    + " customer ids but " + emailKeys.size() + " email keys");
        }
        Map<String, UUID> customersByEmail = HashMap.newHashMap(customerIds.size());
        Map<UUID, String> emailKeysByCustomer = HashMap.newHashMap(customerIds.size());
        for (int i = 0; i < customerIds.size(); i++) {
            customersByEmail.put(emailKeys.get(i), customerIds.get(i));
            emailKeysByCustomer.put(customerIds.get(i), emailKeys.get(i));
        }
        return new SellerState(sellerId, plan, customersByEmail, emailKeysByCustomer, new HashMap<>(apiKeys));
    }
}
