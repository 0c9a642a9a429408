package com.virtualoffice.registration.adapters.persistence;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One replay at a time in this process, of whichever projection: they all rebuild in the same schema, and each
 * takes the machine. Across instances an advisory lock does the same ({@link ReadModelRebuild}).
 */
final class ReplaySlot {

    private final AtomicReference<String> holder = new AtomicReference<>();

    boolean take(String projection) {
        return holder.compareAndSet(null, projection);
    }

    void release(String projection) {
        holder.compareAndSet(projection, null);
    }

    boolean heldBy(String projection) {
        return projection.equals(holder.get());
    }
}
