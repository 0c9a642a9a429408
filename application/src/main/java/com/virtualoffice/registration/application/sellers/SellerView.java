package com.virtualoffice.registration.application.sellers;

import com.virtualoffice.registration.domain.CustomerLimit;
import java.time.Instant;
import java.util.UUID;

/** A seller as operators see it. */
public record SellerView(UUID id, String name, String plan, CustomerLimit customerLimit, int customerCount,
                         Instant createdAt, Instant updatedAt) {
}
