package com.virtualoffice.registration.application.sellers;

import java.util.Optional;
import java.util.UUID;

/** An operator looks a seller up. */
public final class GetSellerUseCase {

    private final Sellers sellers;

    public GetSellerUseCase(Sellers sellers) {
        this.sellers = sellers;
    }

    public Optional<SellerView> get(UUID sellerId) {
        return sellers.find(sellerId);
    }
}
