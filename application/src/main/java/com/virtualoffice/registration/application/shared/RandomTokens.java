package com.virtualoffice.registration.application.shared;

import java.util.random.RandomGenerator;

/** Random letters and digits for secrets; the generator must be cryptographically strong outside tests. */
public final class RandomTokens {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private RandomTokens() {
    }

    public static String alphanumeric(RandomGenerator random, int length) {
        StringBuilder token = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }
}
