package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand;
import com.virtualoffice.registration.domain.SellerCommand.DeleteApiKey;
import com.virtualoffice.registration.domain.SellerCommand.RevokeApiKey;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
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

    /** The key as it is after the revocation, or the reason for refusing (no such key). */
    public Result<ApiKeyView, Rejection> revoke(UUID apiKeyId, Provenance provenance) {
        return decide(apiKeyId, provenance, (sellerId, at) -> new RevokeApiKey(sellerId, apiKeyId, at))
                // A deletion decided right after the revocation may have removed the key since.
                .flatMap(revoked -> directory.find(apiKeyId).<Result<ApiKeyView, Rejection>>map(Result::accepted)
                        .orElseGet(() -> Result.rejected(new Rejection.ApiKeyNotFound())));
    }

    /** The id of the key deleted, or the reason for refusing (no such key). */
    public Result<UUID, Rejection> delete(UUID apiKeyId, Provenance provenance) {
        return decide(apiKeyId, provenance, (sellerId, at) -> new DeleteApiKey(sellerId, apiKeyId, at));
    }

    /** A key deleted by another request since it was looked up is refused by its seller: not found either way. */
    private Result<UUID, Rejection> decide(UUID apiKeyId, Provenance provenance,
                                           BiFunction<UUID, Instant, SellerCommand> command) {
        return directory.find(apiKeyId)
                .map(key -> Result.of(decisions.decide(command.apply(key.sellerId(), clock.instant()), provenance),
                        accepted -> apiKeyId))
                .orElseGet(() -> Result.rejected(new Rejection.ApiKeyNotFound()));
    }
}
