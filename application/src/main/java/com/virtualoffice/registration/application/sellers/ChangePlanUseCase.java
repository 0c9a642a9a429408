package com.virtualoffice.registration.application.sellers;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.ChangePlan;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * An operator moves a seller to another plan. The new limit applies from the next registration on; a seller
 * above it keeps its customers and cannot add more until it is below the limit again.
 */
public final class ChangePlanUseCase {

    public sealed interface Outcome {
        record Changed(SellerView seller) implements Outcome {
        }

        record Refused(Rejection rejection) implements Outcome {
        }
    }

    private final SellerDecisions decisions;
    private final Sellers sellers;
    private final InstantSource clock;

    public ChangePlanUseCase(SellerDecisions decisions, Sellers sellers, InstantSource clock) {
        this.decisions = decisions;
        this.sellers = sellers;
        this.clock = clock;
    }

    /** The outcome, or empty when there is no such seller. */
    public Optional<Outcome> change(UUID sellerId, String plan, Provenance provenance) {
        // An unknown seller is an everyday answer here; asking Axon would log it as a failed command.
        if (sellers.find(sellerId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (decisions.decide(new ChangePlan(sellerId, plan, clock.instant()), provenance)) {
                    case Accepted accepted -> new Outcome.Changed(sellers.find(sellerId).orElseThrow());
                    case Rejected rejected -> new Outcome.Refused(rejected.rejection());
                });
    }
}
