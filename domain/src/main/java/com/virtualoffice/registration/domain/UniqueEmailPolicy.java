package com.virtualoffice.registration.domain;

import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import java.util.Optional;
import java.util.UUID;

/** No two live customers of one seller share an email, letter case aside. */
public final class UniqueEmailPolicy {

    private UniqueEmailPolicy() {
    }

    /** For a new customer: nobody may hold the email yet. */
    public static Optional<Rejection> checkFree(SellerState seller, Email email) {
        return seller.customerHolding(email).map(holder -> new EmailAlreadyTaken());
    }

    /** For a customer changing its email: nobody else may hold it; its own email in another case is fine. */
    public static Optional<Rejection> checkFreeFor(SellerState seller, Email email, UUID claimant) {
        return seller.customerHolding(email)
                .filter(holder -> !holder.equals(claimant))
                .map(holder -> new EmailAlreadyTaken());
    }
}
