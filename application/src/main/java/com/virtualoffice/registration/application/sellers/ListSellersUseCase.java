package com.virtualoffice.registration.application.sellers;

import java.util.Optional;

/** An operator pages through the sellers, newest first, optionally filtered. */
public final class ListSellersUseCase {

    private final Sellers sellers;

    public ListSellersUseCase(Sellers sellers) {
        this.sellers = sellers;
    }

    /** The page, or empty when {@code startingAfter} is not a seller. */
    public Optional<SellerPage> list(SellerQuery query) {
        return sellers.list(query);
    }
}
