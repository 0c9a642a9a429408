package com.virtualoffice.registration.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A seller's live customers, each as its id and a 64-bit hash of its email's uniqueness key, findable both ways:
 * by id (is this customer live?) and by email hash (who may hold this email?). Three longs per customer in one
 * array and two open-addressing tables of ints pointing into it: about 40 bytes a customer, where a
 * {@code HashMap} of {@code String} keys and {@code UUID}s both ways took about 500, which put a seller of a
 * million customers at half a gigabyte. Hand-written because the domain depends on the JDK alone and no JDK
 * collection stores primitives; the measured gain is {@code bench/state-size.sh}'s.
 *
 * <p>A hash names who may hold an email, not who does: two emails can share one. {@link SellerState} settles a
 * hit exactly; this index allows several customers under one hash for that reason.
 *
 * <p>Tables use linear probing with backward-shift deletion (no tombstones), at most half full.
 */
public final class CustomerIndex {

    private static final int FIELDS = 3; // id's high bits, id's low bits, email hash
    private static final long[] NO_ENTRIES = new long[0];

    private long[] entries;
    private int size;
    private int[] byId;    // entry index + 1 at each used slot, 0 where free
    private int[] byEmail;

    private CustomerIndex(int capacity) {
        entries = capacity == 0 ? NO_ENTRIES : new long[capacity * FIELDS];
        int slots = tableSizeFor(capacity);
        byId = new int[slots];
        byEmail = new int[slots];
    }

    public static CustomerIndex empty() {
        return new CustomerIndex(0);
    }

    /** The customers of {@link #toArray()}, in one pass and without regrowing. */
    public static CustomerIndex of(long[] idsAndHashes) {
        if (idsAndHashes.length % FIELDS != 0) {
            throw new IllegalArgumentException("not whole customers: " + idsAndHashes.length + " longs");
        }
        CustomerIndex index = new CustomerIndex(idsAndHashes.length / FIELDS);
        for (int i = 0; i < idsAndHashes.length; i += FIELDS) {
            index.add(idsAndHashes[i], idsAndHashes[i + 1], idsAndHashes[i + 2]);
        }
        return index;
    }

    /** The 64-bit hash an email key is indexed under: FNV-1a over its characters, then MurmurHash3's finaliser. */
    public static long hashOf(String emailKey) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < emailKey.length(); i++) {
            hash = (hash ^ emailKey.charAt(i)) * 0x100000001b3L;
        }
        return mix(hash);
    }

    public int size() {
        return size;
    }

    public boolean contains(UUID customerId) {
        return slotOfId(customerId.getMostSignificantBits(), customerId.getLeastSignificantBits()) >= 0;
    }

    /** The live customers whose email key has this hash: almost always none or one. */
    public List<UUID> holdersOf(long emailHash) {
        List<UUID> holders = new ArrayList<>(1);
        int mask = byEmail.length - 1;
        for (int slot = home(emailHash, mask); byEmail[slot] != 0; slot = (slot + 1) & mask) {
            int entry = byEmail[slot] - 1;
            if (entries[entry * FIELDS + 2] == emailHash) {
                holders.add(new UUID(entries[entry * FIELDS], entries[entry * FIELDS + 1]));
            }
        }
        return holders;
    }

    /** Adds the customer under the email hash, or moves it there if it is held already. */
    public void put(UUID customerId, long emailHash) {
        remove(customerId);
        add(customerId.getMostSignificantBits(), customerId.getLeastSignificantBits(), emailHash);
    }

    public boolean remove(UUID customerId) {
        int idSlot = slotOfId(customerId.getMostSignificantBits(), customerId.getLeastSignificantBits());
        if (idSlot < 0) {
            return false;
        }
        int entry = byId[idSlot] - 1;
        deleteSlot(byId, idSlot, true);
        deleteSlot(byEmail, slotOf(byEmail, entry, false), false);
        int last = size - 1;
        if (entry != last) { // the last entry fills the gap, and both tables follow it there
            byId[slotOf(byId, last, true)] = entry + 1;
            byEmail[slotOf(byEmail, last, false)] = entry + 1;
            System.arraycopy(entries, last * FIELDS, entries, entry * FIELDS, FIELDS);
        }
        size = last;
        return true;
    }

    /** Every customer as three longs (id's high bits, id's low bits, email hash): what a snapshot stores. */
    public long[] toArray() {
        return Arrays.copyOf(entries, size * FIELDS);
    }

    /** Each live customer's email hash under its id; a copy, for tests and diagnostics. */
    public Map<UUID, Long> asMap() {
        Map<UUID, Long> map = HashMap.newHashMap(size);
        for (int e = 0; e < size; e++) {
            map.put(new UUID(entries[e * FIELDS], entries[e * FIELDS + 1]), entries[e * FIELDS + 2]);
        }
        return map;
    }

    /** Equal when they hold the same customers under the same hashes, in whatever order. */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof CustomerIndex that) || that.size != size) {
            return false;
        }
        for (int e = 0; e < size; e++) {
            int slot = that.slotOfId(entries[e * FIELDS], entries[e * FIELDS + 1]);
            if (slot < 0 || that.entries[(that.byId[slot] - 1) * FIELDS + 2] != entries[e * FIELDS + 2]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int e = 0; e < size; e++) { // a sum: the same whatever the order
            hash += Long.hashCode(idHash(entries[e * FIELDS], entries[e * FIELDS + 1]) ^ entries[e * FIELDS + 2]);
        }
        return hash;
    }

    @Override
    public String toString() {
        return "CustomerIndex[" + size + " customers]";
    }

    private void add(long high, long low, long emailHash) {
        if (slotOfId(high, low) >= 0) {
            throw new IllegalArgumentException("customer " + new UUID(high, low) + " is indexed twice");
        }
        if ((size + 1) * FIELDS > entries.length) {
            entries = Arrays.copyOf(entries, Math.max(8, size + (size >> 1)) * FIELDS);
        }
        if ((size + 1) * 2 > byId.length) {
            rehash(byId.length * 2);
        }
        int entry = size++;
        entries[entry * FIELDS] = high;
        entries[entry * FIELDS + 1] = low;
        entries[entry * FIELDS + 2] = emailHash;
        insert(byId, entry, true);
        insert(byEmail, entry, false);
    }

    private void rehash(int slots) {
        byId = new int[slots];
        byEmail = new int[slots];
        for (int e = 0; e < size; e++) {
            insert(byId, e, true);
            insert(byEmail, e, false);
        }
    }

    private void insert(int[] table, int entry, boolean idTable) {
        int mask = table.length - 1;
        int slot = homeOf(entry, idTable, mask);
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = entry + 1;
    }

    private int slotOfId(long high, long low) {
        int mask = byId.length - 1;
        for (int slot = home(idHash(high, low), mask); byId[slot] != 0; slot = (slot + 1) & mask) {
            int entry = byId[slot] - 1;
            if (entries[entry * FIELDS] == high && entries[entry * FIELDS + 1] == low) {
                return slot;
            }
        }
        return -1;
    }

    /** The slot of a table that points at this entry, which must be there. */
    private int slotOf(int[] table, int entry, boolean idTable) {
        int mask = table.length - 1;
        int slot = homeOf(entry, idTable, mask);
        while (table[slot] != entry + 1) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Empties a slot and moves later entries of its run back, so that every entry stays reachable from home. */
    private void deleteSlot(int[] table, int slot, boolean idTable) {
        int mask = table.length - 1;
        int hole = slot;
        for (int next = (slot + 1) & mask; table[next] != 0; next = (next + 1) & mask) {
            int home = homeOf(table[next] - 1, idTable, mask);
            boolean reachableWithoutHole = hole < next ? home > hole && home <= next : home > hole || home <= next;
            if (!reachableWithoutHole) {
                table[hole] = table[next];
                hole = next;
            }
        }
        table[hole] = 0;
    }

    private int homeOf(int entry, boolean idTable, int mask) {
        return home(idTable ? idHash(entries[entry * FIELDS], entries[entry * FIELDS + 1])
                : entries[entry * FIELDS + 2], mask);
    }

    private static long idHash(long high, long low) {
        return mix(high ^ Long.rotateLeft(low, 32));
    }

    private static int home(long hash, int mask) {
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
    private static long mix(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb93fe53a0e53L;
        return hash ^ (hash >>> 33);
    }

    private static int tableSizeFor(int customers) {
        return Math.max(16, Integer.highestOneBit(Math.max(1, customers * 2 - 1)) << 1);
    }
}
