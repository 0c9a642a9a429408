package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.sellers.Sellers;
import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** An operator hands a seller a new API key. The full key is in the answer and nowhere else, ever. */
public final class IssueApiKeyUseCase {

    public record IssuedApiKey(ApiKeyView key, ApiKeySecret secret) {
    }

    private final SellerDecisions decisions;
    private final Sellers sellers;
    private final IdSource ids;
    private final InstantSource clock;
    private final RandomGenerator secureRandom;

    public IssueApiKeyUseCase(SellerDecisions decisions, Sellers sellers, IdSource ids, InstantSource clock,
                              RandomGenerator secureRandom) {
        this.decisions = decisions;
        this.sellers = sellers;
        this.ids = ids;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    /** The issued key, or the reason for refusing (an unknown seller). */
    public Result<IssuedApiKey, Rejection> issue(UUID sellerId, String name, Instant expiresAt, Provenance provenance) {
        // An unknown seller is an everyday answer here; asking Axon would log it as a failed command.
        if (sellers.find(sellerId).isEmpty()) {
            return Result.rejected(new Rejection.SellerNotFound());
        }
        ApiKeySecret secret = ApiKeySecret.generate(secureRandom);
        var command = new IssueApiKey(sellerId, ids.newId(), name, secret.hash(), secret.displayPrefix(), expiresAt,
                clock.instant());
        return Result.of(decisions.decide(command, provenance), accepted ->
                new IssuedApiKey(ApiKeyView.issued((ApiKeyIssued) accepted.events().getFirst()), secret));
    }
}
