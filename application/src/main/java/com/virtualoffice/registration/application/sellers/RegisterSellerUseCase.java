package com.virtualoffice.registration.application.sellers;

import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import java.time.InstantSource;

/** An operator onboards a seller on a plan. */
public final class RegisterSellerUseCase {

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

    /** The seller as registered, or the reason for refusing it. */
    public Result<SellerView, Rejection> register(String name, String plan, Provenance provenance) {
        var command = new RegisterSeller(ids.newId(), name, plan, clock.instant());
        // The seller table is written in the same transaction as the event, so it is current here.
        return Result.of(decisions.decide(command, provenance),
                accepted -> sellers.find(command.sellerId()).orElseThrow());
    }
}
