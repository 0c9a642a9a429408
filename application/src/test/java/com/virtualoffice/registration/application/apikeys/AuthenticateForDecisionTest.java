package com.virtualoffice.registration.application.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory.StoredApiKey;
import com.virtualoffice.registration.application.apikeys.Caller.Refusal;
import com.virtualoffice.registration.application.shared.Result;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A write's key is looked up once; after that its seller's decision checks it, and only expiry is checked here. */
class AuthenticateForDecisionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final UUID SELLER = UUID.fromString("5e11e400-0000-4000-8000-000000000001");

    private final Directory directory = new Directory();
    private final Memory memory = new Memory();
    private Instant now = NOW;
    private final AuthenticateApiKeyUseCase authenticate = new AuthenticateApiKeyUseCase(directory, new NoUnknownKeys(),
            memory, (apiKeyId, at) -> { }, this::now);

    @Test
    void given_a_key_looked_up_once_when_it_writes_again_then_the_directory_is_not_asked() {
        String key = directory.issue(null);

        Caller first = accepted(authenticate.authenticateForDecision(Optional.of(key)));
        Caller second = accepted(authenticate.authenticateForDecision(Optional.of(key)));

        assertThat(second).isEqualTo(first);
        assertThat(first.sellerId()).isEqualTo(SELLER);
        assertThat(directory.lookups).isEqualTo(1);
    }

    @Test
    void given_a_remembered_key_when_its_expiry_passes_then_it_is_refused_as_expired_without_a_lookup() {
        String key = directory.issue(NOW.plus(Duration.ofMinutes(1)));
        accepted(authenticate.authenticateForDecision(Optional.of(key)));

        now = NOW.plus(Duration.ofMinutes(1));

        assertThat(authenticate.authenticateForDecision(Optional.of(key))).isEqualTo(Result.rejected(Refusal.EXPIRED));
        assertThat(directory.lookups).isEqualTo(1);
    }

    @Test
    void given_a_remembered_key_when_a_lookup_refuses_it_then_it_is_forgotten_and_looked_up_again() {
        String key = directory.issue(null);
        accepted(authenticate.authenticateForDecision(Optional.of(key)));
        directory.revokeAll();

        assertThat(authenticate.authenticate(Optional.of(key))).isEqualTo(Result.rejected(Refusal.REVOKED));
        assertThat(authenticate.authenticateForDecision(Optional.of(key))).isEqualTo(Result.rejected(Refusal.REVOKED));
        assertThat(directory.lookups).isEqualTo(3);
    }

    @Test
    void given_a_revoked_key_never_seen_valid_when_it_writes_then_it_is_refused_at_once() {
        String key = directory.issue(null);
        directory.revokeAll();

        assertThat(authenticate.authenticateForDecision(Optional.of(key))).isEqualTo(Result.rejected(Refusal.REVOKED));
        assertThat(memory.keys).isEmpty();
    }

    private static Caller accepted(Result<Caller, Refusal> result) {
        assertThat(result).isInstanceOf(Result.Accepted.class);
        return ((Result.Accepted<Caller, Refusal>) result).value();
    }

    private Instant now() {
        return now;
    }

    private final class Directory implements ApiKeyDirectory {
        private final Map<String, StoredApiKey> byHash = new HashMap<>();
        private int lookups;

        String issue(Instant expiresAt) {
            ApiKeySecret secret = ApiKeySecret.generate(new Random(byHash.size()));
            byHash.put(secret.hash(), new StoredApiKey(UUID.randomUUID(), SELLER, "sk_live_abcd", secret.hash(),
                    expiresAt, null));
            return secret.value();
        }

        void revokeAll() {
            byHash.replaceAll((hash, key) -> new StoredApiKey(key.id(), key.sellerId(), key.prefix(), key.hash(),
                    key.expiresAt(), now()));
        }

        @Override
        public Optional<StoredApiKey> findByHash(String hash) {
            lookups++;
            return Optional.ofNullable(byHash.get(hash));
        }

        @Override
        public Optional<ApiKeyView> find(UUID apiKeyId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiKeyView> ofSeller(UUID sellerId) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Memory implements IssuedKeys {
        private final Map<String, StoredApiKey> keys = new HashMap<>();

        @Override
        public Optional<StoredApiKey> find(String hash) {
            return Optional.ofNullable(keys.get(hash));
        }

        @Override
        public void remember(StoredApiKey key) {
            keys.put(key.hash(), key);
        }

        @Override
        public void forget(String hash) {
            keys.remove(hash);
        }
    }

    private static final class NoUnknownKeys implements UnknownKeys {
        @Override
        public boolean isRemembered(String hash) {
            return false;
        }

        @Override
        public void remember(String hash) {
        }
    }
}
