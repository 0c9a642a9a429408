package com.virtualoffice.registration.adapters.privacy;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM as the JDK provides it (hardware-accelerated on x86 and ARM): a sealed value is a random 96-bit
 * nonce followed by the ciphertext and its 128-bit tag. The associated data binds a sealed value to where it
 * belongs, so that it does not open anywhere else.
 */
final class Aead {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 32;
    /**
     * Ciphers ready for use, each initialised again per value: looking the transformation up among the providers
     * costs more than the AES-GCM itself (half of the opening in a replay's profile). A pool, not a thread local:
     * each seller's decision runs on a virtual thread of its own, which would find its thread local empty.
     */
    private static final Queue<Cipher> CIPHERS = new ConcurrentLinkedQueue<>();

    private Aead() {
    }

    /** A random AES-256 key: the 32 random bytes that {@code KeyGenerator} makes one of, without its lookup. */
    static SecretKey newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new SecretKeySpec(key, "AES");
    }

    static byte[] seal(SecretKey key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            ByteBuffer sealed = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            sealed.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plaintext), sealed);
            CIPHERS.offer(cipher);
            return sealed.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal", e);
        }
    }

    /** The plaintext, or nothing when the value was not sealed under this key with this associated data. */
    static Optional<byte[]> open(SecretKey key, byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            byte[] opened = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            CIPHERS.offer(cipher);
            return Optional.of(opened);
        } catch (AEADBadTagException wrongKeyOrTampered) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to open", e);
        }
    }

    /** A pooled cipher, or a new one; one that failed is not given back, in whatever state it was left. */
    private static Cipher cipher() throws GeneralSecurityException {
        Cipher pooled = CIPHERS.poll();
        return pooled != null ? pooled : Cipher.getInstance(TRANSFORMATION);
    }
}
