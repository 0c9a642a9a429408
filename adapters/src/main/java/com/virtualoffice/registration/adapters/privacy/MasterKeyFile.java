package com.virtualoffice.registration.adapters.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The master key the service made up for its embedded database, kept beside the data, readable by this user only
 * (mode 0600), as the database's passwords are.
 */
public record MasterKeyFile(Path path) {

    /** The property the master key is configured by ({@code REGISTRATION_DATA_KEY}); unset, this file has it. */
    public static final String KEY_PROPERTY = "registration.data-key";

    /** The file in the service's data directory ({@code DATA_DIR}). */
    public static MasterKeyFile in(Path dataDir) {
        return new MasterKeyFile(dataDir.resolve("data-key"));
    }

    /** The key in the file; a first start writes a new one (a concurrent first start keeps the other's). */
    public String readOrCreate() {
        try {
            if (!Files.exists(path)) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                Path written = writeTemporary(MasterKey.generate());
                try {
                    Files.move(written, path);
                } catch (FileAlreadyExistsException anotherStartWon) {
                    Files.delete(written);
                }
            }
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + path, e);
        }
    }

    /** After a rotation: the next start reads the new key. */
    public void replace(MasterKey next) {
        try {
            Files.move(writeTemporary(next), path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private Path writeTemporary(MasterKey key) throws IOException {
        Path written = Files.createTempFile(path.toAbsolutePath().getParent(), path.getFileName().toString(), ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, key.base64() + "\n", StandardCharsets.US_ASCII);
        return written;
    }
}
