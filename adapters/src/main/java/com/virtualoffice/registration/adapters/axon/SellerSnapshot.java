package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.CustomerIndex;
import com.virtualoffice.registration.domain.SellerState;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A seller's state as a snapshot stores it: its live customers as one block of bytes, 24 per customer (the id and
 * the email key's 64-bit hash, as {@link CustomerIndex#toArray()} gives them), which JSON carries as base64: 32
 * bytes a customer, against 57 for a list of ids and a list of email keys. A JSON object keyed by email was worse
 * still: Jackson interns every field name it reads, and restoring a large seller grew its name table for each.
 *
 * @param customers the live customers, three big-endian longs each: id's high bits, id's low bits, email hash
 * @param apiKeys the seller's keys that are not deleted, each with whether it is revoked
 */
record SellerSnapshot(UUID sellerId, String plan, byte[] customers, Map<UUID, Boolean> apiKeys) {

    static SellerSnapshot of(SellerState state) {
        long[] longs = state.customers().toArray();
        ByteBuffer bytes = ByteBuffer.allocate(longs.length * Long.BYTES);
        bytes.asLongBuffer().put(longs);
        return new SellerSnapshot(state.sellerId(), state.plan(), bytes.array(), Map.copyOf(state.apiKeys()));
    }

    SellerState restore() {
        if (sellerId == null) {
            return SellerState.UNREGISTERED;
        }
        if (customers.length % (3 * Long.BYTES) != 0) {
            throw new IllegalStateException("a snapshot of seller " + sellerId + " holds " + customers.length
                    + " bytes of customers, not a whole number of them");
        }
        long[] longs = new long[customers.length / Long.BYTES];
        ByteBuffer.wrap(customers).asLongBuffer().get(longs);
        return SellerState.restored(sellerId, plan, CustomerIndex.of(longs), new HashMap<>(apiKeys));
    }
}
