package com.virtualoffice.registration.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * What the fuzz drill knows about the service while it runs: the sellers whose keys it uses, the ids it has seen
 * (so that requests also hit existing customers, endpoints, deliveries, events and keys), and the pacing of each
 * key below the service's rate limit.
 */
final class FuzzWorld {

    /** A key is used at most this often: 40 requests/s against a limit of 50/s with a burst of 100. */
    static final long KEY_INTERVAL_NANOS = 25_000_000L;

    final String adminToken;
    final List<Seller> sellers = new ArrayList<>();
    final List<Slot> slots = new ArrayList<>();
    /** Sellers the drill may change plans of and issue, revoke and delete keys for: never one whose keys it uses. */
    final Pool victimSellers = new Pool(200);
    final Pool victimKeyIds = new Pool(500);
    /** Full keys of the victim sellers; some are revoked or deleted by the time they are used. */
    final Pool victimKeys = new Pool(500);
    /** A few Idempotency-Keys used again and again, so replays and mismatches happen. */
    final Pool idempotencyKeys = new Pool(50);
    private final AtomicInteger nextSlot = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    FuzzWorld(String adminToken) {
        this.adminToken = adminToken;
    }

    /** A seller whose keys the drill uses, with the ids it has seen under it. */
    static final class Seller {
        final String id;
        final Pool customers = new Pool(2000);
        final Pool emails = new Pool(500);
        final Pool endpoints = new Pool(200);
        /** "endpointId/deliveryId". */
        final Pool deliveries = new Pool(500);
        final Pool events = new Pool(1000);
        final AtomicInteger liveEndpoints = new AtomicInteger();

        Seller(String id) {
            this.id = id;
        }
    }

    /** One API key with its own pacing. */
    static final class Slot {
        final String key;
        final String keyId;
        final Seller seller;
        private long next;

        Slot(String key, String keyId, Seller seller) {
            this.key = key;
            this.keyId = keyId;
            this.seller = seller;
        }

        /**
         * Waits until this key may be used again without coming near the service's rate limit: the drill is load at
         * a steady pace, so it paces itself in real time rather than moving the service's clock on for every request.
         */
        void pace() {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long at = Math.max(now, next);
                next = at + KEY_INTERVAL_NANOS;
                wait = at - now;
            }
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    /** Keys are taken in turn, so that every key carries the same share. */
    Slot nextSlot() {
        return slots.get(Math.floorMod(nextSlot.getAndIncrement(), slots.size()));
    }

    Seller otherSeller(Seller seller, Random random) {
        Seller other = sellers.get(random.nextInt(sellers.size()));
        return other == seller ? sellers.get((sellers.indexOf(seller) + 1) % sellers.size()) : other;
    }

    long sequence() {
        return sequence.incrementAndGet();
    }

    /** A bounded list of ids to pick from at random; the oldest go first. */
    static final class Pool {
        private final int capacity;
        private final List<String> items = new ArrayList<>();

        Pool(int capacity) {
            this.capacity = capacity;
        }

        synchronized void add(String item) {
            if (items.size() >= capacity) {
                items.removeFirst();
            }
            items.add(item);
        }

        synchronized void remove(String item) {
            items.remove(item);
        }

        /** A random item, or null when there is none. */
        synchronized String pick(Random random) {
            return items.isEmpty() ? null : items.get(random.nextInt(items.size()));
        }

        synchronized int size() {
            return items.size();
        }
    }
}
