package com.virtualoffice.registration.domain;

import java.util.Arrays;
import java.util.Optional;

/** The language a customer is served in. */
public enum Language {
    EN("en"),
    DE("de");

    /** Customers registered without a language are served in German, the platform's home market. */
    public static final Language DEFAULT = DE;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(language -> language.code.equals(code)).findFirst();
    }
}
