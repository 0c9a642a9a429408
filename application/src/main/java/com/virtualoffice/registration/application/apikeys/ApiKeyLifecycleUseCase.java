package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.DeleteApiKey;
import com.virtualoffice.registration.domain.SellerCommand.RevokeApiKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * An operator lists a seller's keys, revokes one or deletes one. Keys are named by their own id; the seller
 * that owns a key is found from it, and decides, so that the audit trail records the step on the seller.
 */
public final class ApiKeyLifecycleUseCase {

    private final SellerDecisions decisions;
    private final ApiKeyDirectory directory;
    private final InstantSource clock;

    public ApiKeyLifecycleUseCase(SellerDecisions decisions, ApiKeyDirectory directory, InstantSource clock) {
        this.decisions = decisions;
        this.directory = directory;
        this.clock = clock;
    }

    public List<ApiKeyView> ofSeller(UUID sellerId) {
        return directory.ofSeller(sellerId);
    }

    /** The key as it is after the revocation, or empty when there is no such key. */
    public Optional<ApiKeyView> revoke(UUID apiKeyId, Provenance provenance) {
        return decide(apiKeyId, provenance, (sellerId, at) -> new RevokeApiKey(sellerId, apiKeyId, at))
                .flatMap(revoked -> directory.find(apiKeyId));
    }

    /** Whether the key existed and is now deleted. */
    public boolean delete(UUID apiKeyId, Provenance provenance) {
        return decide(apiKeyId, provenance, (sellerId, at) -> new DeleteApiKey(sellerId, apiKeyId, at)).isPresent();
    }

    private Optional<Accepted> decide(UUID apiKeyId, Provenance provenance,
                                      BiFunction<UUID, Instant, SellerCommand> command) {
        return directory.find(apiKeyId)
                .map(key -> decisions.decide(command.apply(key.sellerId(), clock.instant()), provenance))
                .flatMap(decision -> switch (decision) {
                    case Accepted accepted -> Optional.of(accepted);
                    // Deleted by another request since we looked it up.
                    case Rejected rejected -> Optional.empty();
                });
    }
}
