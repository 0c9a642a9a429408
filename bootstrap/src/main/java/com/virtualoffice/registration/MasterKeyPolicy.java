package com.virtualoffice.registration;

import com.virtualoffice.registration.adapters.privacy.MasterKey;
import com.virtualoffice.registration.adapters.privacy.MasterKeyFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which master key the customers' data keys are wrapped under. A configured one ({@code REGISTRATION_DATA_KEY})
 * must be the base64 of 32 bytes. None configured: on the embedded database the service makes one up on its first
 * start and keeps it beside the data ({@link MasterKeyFile}); against a configured database it refuses to start,
 * as the key must then be kept apart from the data.
 */
final class MasterKeyPolicy {

    static final String GENERATE = "generate one with: openssl rand -base64 32";

    private MasterKeyPolicy() {
    }

    /** The file of a made-up key: none when a key is configured or the database is not the embedded one. */
    static Optional<MasterKeyFile> file(String configured, boolean embeddedDatabase, Path dataDir) {
        if (isSet(configured)) {
            return Optional.empty();
        }
        if (!embeddedDatabase) {
            throw new StartupRefused("REGISTRATION_DATA_KEY is not set: with a configured database"
                    + " (SPRING_DATASOURCE_URL) the master key of the customers' data keys must be configured; "
                    + GENERATE);
        }
        return Optional.of(MasterKeyFile.in(dataDir));
    }

    static MasterKey choose(String configured, boolean embeddedDatabase, Path dataDir) {
        return file(configured, embeddedDatabase, dataDir)
                .map(file -> parse(file.path().toString(), file.readOrCreate()))
                .orElseGet(() -> parse("REGISTRATION_DATA_KEY", configured));
    }

    static MasterKey parse(String name, String base64) {
        try {
            return MasterKey.parse(base64);
        } catch (IllegalArgumentException notAKey) {
            throw new StartupRefused(name + " is not a master key: " + notAKey.getMessage()
                    + " (it must be the base64 of 32 random bytes); " + GENERATE);
        }
    }

    private static boolean isSet(String configured) {
        return configured != null && !configured.isBlank();
    }
}
