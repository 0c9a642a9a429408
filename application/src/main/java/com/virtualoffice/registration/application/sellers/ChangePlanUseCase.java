package com.virtualoffice.registration.application.sellers;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.ChangePlan;
import java.time.InstantSource;
import java.util.UUID;

/**
 * An operator moves a seller to another plan. The new limit applies from the next registration on; a seller
 * above it keeps its customers and cannot add more until it is below the limit again.
 */
public final class ChangePlanUseCase {

    private final SellerDecisions decisions;
    private final Sellers sellers;
    private final InstantSource clock;

    public ChangePlanUseCase(SellerDecisions decisions, Sellers sellers, InstantSource clock) {
        this.decisions = decisions;
        this.sellers = sellers;
        this.clock = clock;
    }

    /** The seller on its new plan, or the reason for refusing (an unknown seller or plan). */
    public Result<SellerView, Rejection> change(UUID sellerId, String plan, Provenance provenance) {
        // An unknown seller is an everyday answer here; asking Axon would log it as a failed command.
        if (sellers.find(sellerId).isEmpty()) {
            return Result.rejected(new Rejection.SellerNotFound());
        }
        return Result.of(decisions.decide(new ChangePlan(sellerId, plan, clock.instant()), provenance),
                accepted -> sellers.find(sellerId).orElseThrow());
    }
}
