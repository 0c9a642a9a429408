package com.virtualoffice.registration.adapters.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key the customers' data keys are stored under ({@code REGISTRATION_DATA_KEY}): AES-256, written as base64.
 * It never reaches the database; what does is a check value sealed under it, so that a start with another key is
 * refused instead of reading garbage.
 */
public final class MasterKey {

    static final int BYTES = 32;
    private static final byte[] CHECK = "registration data keys".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CHECK_CONTEXT = "master-key-check".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;

    private MasterKey(SecretKey key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException when the text is not the base64 of 32 bytes; the message says so */
    public static MasterKey parse(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("it is not base64");
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("it is " + bytes.length + " bytes long, not " + BYTES);
        }
        return new MasterKey(new SecretKeySpec(bytes, "AES"));
    }

    public static MasterKey generate() {
        return new MasterKey(Aead.newKey());
    }

    /** The key as REGISTRATION_DATA_KEY takes it. */
    public String base64() {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    byte[] wrap(UUID customerId, SecretKey dataKey) {
        return Aead.seal(key, dataKey.getEncoded(), context(customerId));
    }

    /** The customer's data key, or nothing when it was not wrapped under this key for this customer. */
    Optional<SecretKey> unwrap(UUID customerId, byte[] wrapped) {
        return Aead.open(key, wrapped, context(customerId)).map(bytes -> new SecretKeySpec(bytes, "AES"));
    }

    byte[] checkValue() {
        return Aead.seal(key, CHECK, CHECK_CONTEXT);
    }

    boolean opens(byte[] checkValue) {
        return Aead.open(key, checkValue, CHECK_CONTEXT).isPresent();
    }

    private static byte[] context(UUID customerId) {
        return ("data-key:" + customerId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
