package com.virtualoffice.registration.application.apikeys;

/**
 * Key hashes recently looked up and not found, remembered for a while so that a client repeating a wrong key
 * costs no further lookup. Keys are random: a hash not found now is not about to become a key.
 */
public interface UnknownKeys {

    boolean isRemembered(String hash);

    void remember(String hash);
}
