package com.virtualoffice.registration.application.sellers;

import java.util.Optional;
import java.util.UUID;

/** The queryable seller table, kept current by the seller projection. */
public interface Sellers {

    Optional<SellerView> find(UUID sellerId);

    /** The page, or empty when the page's cursor names no seller. */
    Optional<SellerPage> list(SellerQuery query);

    boolean isEmpty();
}
