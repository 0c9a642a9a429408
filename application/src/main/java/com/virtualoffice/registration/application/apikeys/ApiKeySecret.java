package com.virtualoffice.registration.application.apikeys;

import com.virtualoffice.registration.application.shared.RandomTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.random.RandomGenerator;

/**
 * A seller's API key in full. It exists only while a key is issued or a request is checked: the service keeps
 * its SHA-256 hash (48 random alphanumerics carry 285 bits, so a plain hash cannot be reversed by search) and its
 * prefix, which is safe to show.
 */
public record ApiKeySecret(String value) {

    public static final String LIVE_PREFIX = "sk_live_";
    public static final int RANDOM_LENGTH = 48;
    public static final int DISPLAY_PREFIX_LENGTH = 12;

    private static final Pattern FORMAT = Pattern.compile(LIVE_PREFIX + "[A-Za-z0-9]{" + RANDOM_LENGTH + "}");

    /** A new key from the given source, which must be cryptographically strong outside tests. */
    public static ApiKeySecret generate(RandomGenerator random) {
        return new ApiKeySecret(LIVE_PREFIX + RandomTokens.alphanumeric(random, RANDOM_LENGTH));
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    public String displayPrefix() {
        return value.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + displayPrefix() + "…]";
    }
}
