package com.virtualoffice.registration;

import com.virtualoffice.registration.adapters.rest.AdminToken;
import com.virtualoffice.registration.application.apikeys.ApiKeySecret;
import java.util.random.RandomGenerator;

/**
 * Which operator token the service runs with. A configured one must be strong; none configured, the service makes
 * one up and prints it, but only on its embedded database (a developer's machine): a deployment against a
 * PostgreSQL server must configure its own, and no secret goes to logs that container platforms ship elsewhere.
 */
final class OperatorTokenPolicy {

    static final int MIN_LENGTH = 32;
    private static final String GENERATED_PREFIX = "adm_";

    private OperatorTokenPolicy() {
    }

    /**
     * Refuses what the service must not run with: a configured token that is too short, or none against a
     * configured database.
     *
     * @param configured ADMIN_TOKEN, blank when unset
     * @param embeddedDatabase whether the service runs its own PostgreSQL
     * @param serving whether this is the web service (the command line needs no token of its own)
     */
    static void check(String configured, boolean embeddedDatabase, boolean serving) {
        if (isSet(configured)) {
            if (configured.length() < MIN_LENGTH) {
                throw new StartupRefused("ADMIN_TOKEN is too short: it must have at least " + MIN_LENGTH
                        + " characters (it has " + configured.length() + "); generate one with: openssl rand -hex 32");
            }
        } else if (serving && !embeddedDatabase) {
            throw new StartupRefused("ADMIN_TOKEN is not set: with a configured database (SPRING_DATASOURCE_URL) the"
                    + " operator token must be configured; generate one with: openssl rand -hex 32");
        }
    }

    /** The token to run with, once {@link #check} passed: the configured one, or one made up now. */
    static AdminToken choose(String configured, boolean embeddedDatabase, boolean serving, RandomGenerator random) {
        check(configured, embeddedDatabase, serving);
        if (isSet(configured)) {
            return new AdminToken(configured, false);
        }
        return new AdminToken(GENERATED_PREFIX + ApiKeySecret.generate(random).value()
                .substring(ApiKeySecret.LIVE_PREFIX.length()), true);
    }

    private static boolean isSet(String configured) {
        return configured != null && !configured.isBlank();
    }
}
