package com.virtualoffice.registration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data directories for the services and databases tests start, under the build's {@code target/test-data}: a
 * started service's embedded PostgreSQL outlives its test until the JVM exits, so nothing deletes it sooner, and
 * in the system's temporary directory every run of the suite would leave about 2 GB behind. There, {@code mvn
 * clean} and a fresh clone start from none.
 */
public final class DataDirs {

    private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();

    private DataDirs() {
    }

    public static Path temporary(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(ROOT), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
