package com.virtualoffice.registration.application.sellers;

import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import java.time.InstantSource;

/** An operator onboards a seller on a plan. */
public final class RegisterSellerUseCase {

    public sealed interface Outcome {
        record Registered(SellerView seller) implements Outcome {
        }

        record Refused(Rejection rejection) implements Outcome {
        }
    }

    private final SellerDecisions decisions;
    private final Sellers sellers;
    private final IdSource ids;
    private final InstantSource clock;

    public RegisterSellerUseCase(SellerDecisions decisions, Sellers sellers, IdSource ids, InstantSource clock) {
        this.decisions = decisions;
        this.sellers = sellers;
        this.ids = ids;
        this.clock = clock;
    }

    public Outcome register(String name, String plan, Provenance provenance) {
        var command = new RegisterSeller(ids.newId(), name, plan, clock.instant());
        Decision decision = decisions.decide(command, provenance);
        return switch (decision) {
            // The seller table is written in the same transaction as the event, so it is current here.
            case Accepted accepted -> new Outcome.Registered(sellers.find(command.sellerId()).orElseThrow());
            case Rejected rejected -> new Outcome.Refused(rejected.rejection());
        };
    }
}
