package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.sellers.Sellers;
import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.SellerDecisions;
import com.virtualoffice.registration.domain.Decision.Accepted;
import com.virtualoffice.registration.domain.Decision.Rejected;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
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

    /** The issued key, or empty when there is no such seller. */
    public Optional<IssuedApiKey> issue(UUID sellerId, String name, Instant expiresAt, Provenance provenance) {
        // An unknown seller is an everyday answer here; asking Axon would log it as a failed command.
        if (sellers.find(sellerId).isEmpty()) {
            return Optional.empty();
        }
        ApiKeySecret secret = ApiKeySecret.generate(secureRandom);
        var command = new IssueApiKey(sellerId, ids.newId(), name, secret.hash(), secret.displayPrefix(), expiresAt,
                clock.instant());
        return Optional.of(switch (decisions.decide(command, provenance)) {
            case Accepted accepted -> new IssuedApiKey(ApiKeyView.issued((ApiKeyIssued) accepted.events().getFirst()),
                    secret);
            case Rejected rejected -> throw new IllegalStateException("a seller refused a key: " + rejected);
        });
    }
}
