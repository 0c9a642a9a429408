package com.virtualoffice.registration.domain;

import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import java.util.Optional;

/** A seller may hold as many live customers as its plan allows, and not one more. */
public final class PlanLimitPolicy {

    private PlanLimitPolicy() {
    }

    public static Optional<Rejection> checkRoomForOneMore(SellerState seller, CustomerLimit limit) {
        if (limit.allowsMoreThan(seller.liveCustomers())) {
            return Optional.empty();
        }
        return Optional.of(new CustomerLimitReached(limit.maximum().getAsInt()));
    }
}
