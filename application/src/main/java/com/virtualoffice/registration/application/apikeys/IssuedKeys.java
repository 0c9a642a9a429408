package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory.StoredApiKey;
import java.util.Optional;

/**
 * Keys found by their hash and then valid, remembered so that a write need not look its key up again. What is
 * remembered of a key never changes (its id, seller, prefix and expiry); whether the seller still holds it
 * unrevoked is for the seller's decision to say.
 */
public interface IssuedKeys {

    Optional<StoredApiKey> find(String hash);

    void remember(StoredApiKey key);

    void forget(String hash);
}
