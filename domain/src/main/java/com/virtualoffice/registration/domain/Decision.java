package com.virtualoffice.registration.domain;

import java.util.List;

/** The outcome of {@link Seller#decide}: the events to record, or the reason for refusing. */
public sealed interface Decision {

    record Accepted(List<SellerEvent> events) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected(Rejection rejection) implements Decision {
    }

    static Decision accept(SellerEvent event) {
        return new Accepted(List.of(event));
    }

    static Decision reject(Rejection rejection) {
        return new Rejected(rejection);
    }
}
