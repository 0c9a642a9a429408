package com.virtualoffice.registration.domain;

import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import java.util.Optional;

/** No two live customers of one seller share an email, letter case aside. */
public final class UniqueEmailPolicy {

    private UniqueEmailPolicy() {
    }

    public static Optional<Rejection> checkFree(SellerState seller, Email email) {
        return seller.customerHolding(email).map(holder -> new EmailAlreadyTaken());
    }
}
