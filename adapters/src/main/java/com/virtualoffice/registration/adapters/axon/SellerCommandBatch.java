package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.SellerCommand;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several commands to one seller, decided one after the other in one transaction: the seller's group commit.
 * Each command keeps its own provenance, which goes onto the events it causes.
 */
record SellerCommandBatch(UUID sellerId, List<Entry> entries) {

    public SellerCommandBatch {
        entries = List.copyOf(entries);
        if (entries.stream().anyMatch(entry -> !entry.command().sellerId().equals(sellerId))) {
            throw new IllegalArgumentException("every command of a batch must be for seller " + sellerId);
        }
    }

    public record Entry(SellerCommand command, Map<String, String> provenance) {
    }
}
