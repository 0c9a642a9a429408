package com.virtualoffice.registration;

import com.virtualoffice.registration.application.shared.RandomTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Who may use the embedded PostgreSQL, and how: no longer zonky's test defaults (every local user a superuser,
 * without a password). The superuser and the service's own role each have a random password, kept in
 * {@code DATA_DIR/postgres-credentials.properties} (mode 0600) beside the data; the server takes connections on
 * loopback only, each with a password (scram-sha-256); the service connects as {@value #ROLE}, which owns the
 * database and its tables but is no superuser. A data directory made by an earlier version (trust, everything
 * owned by the superuser) is brought to this on its first start here; every start makes sure of it again.
 */
record EmbeddedDatabaseAccess(String superuserPassword, String rolePassword) {

    static final String SUPERUSER = "postgres";
    static final String ROLE = "registration";
    static final String DATABASE = "postgres";
    static final String FILE_NAME = "postgres-credentials.properties";
    private static final int PASSWORD_LENGTH = 40;
    private static final String SUPERUSER_KEY = "superuser.password";
    private static final String ROLE_KEY = "role.password";
    private static final String HBA = """
            # Written by the service at every start: passwords for every connection, loopback only.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    @Override
    public String toString() {
        return "EmbeddedDatabaseAccess[redacted]";
    }

    /** The passwords kept in the data directory, made up (and kept, readable by this user only) on a first start. */
    static EmbeddedDatabaseAccess of(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return new EmbeddedDatabaseAccess(properties.getProperty(SUPERUSER_KEY),
                    properties.getProperty(ROLE_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        SecureRandom random = new SecureRandom();
        Properties properties = new Properties();
        properties.setProperty(SUPERUSER_KEY, RandomTokens.alphanumeric(random, PASSWORD_LENGTH));
        properties.setProperty(ROLE_KEY, RandomTokens.alphanumeric(random, PASSWORD_LENGTH));
        Path written = Files.createTempFile(file.getParent(), FILE_NAME, ".new",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer writer = Files.newBufferedWriter(written, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
            properties.store(writer, "The embedded PostgreSQL's passwords: keep this file with the data, private.");
        }
        try {
            Files.move(written, file);
        } catch (FileAlreadyExistsException anotherStartWon) {
            Files.delete(written);
        }
    }

    /**
     * Brings the running server to the rules above: passwords set, the service's role made owner of the database,
     * its schema and everything in it, then password authentication only. Safe to repeat.
     */
    void secure(EmbeddedPostgres postgres, Path postgresData) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            setPassword(connection, SUPERUSER, superuserPassword);
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "')"
                    + " THEN CREATE ROLE " + ROLE + "; END IF; END $$");
            statement.execute("ALTER ROLE " + ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION");
            setPassword(connection, ROLE, rolePassword);
            statement.execute("ALTER DATABASE " + DATABASE + " OWNER TO " + ROLE);
            statement.execute("ALTER SCHEMA public OWNER TO " + ROLE);
            // Tables (their indexes and owned sequences follow), views and free sequences an earlier version made
            // as the superuser. Extension members stay the superuser's.
            statement.execute("""
                    DO $$ DECLARE r record; BEGIN
                      FOR r IN SELECT c.relname, c.relkind FROM pg_class c
                               JOIN pg_namespace n ON n.oid = c.relnamespace
                               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                 AND pg_get_userbyid(c.relowner) <> '%1$s'
                                 AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                     AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
                      LOOP
                        EXECUTE format('ALTER %%s public.%%I OWNER TO %1$s',
                          CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                         WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
                      END LOOP;
                    END $$""".formatted(ROLE));
            Files.writeString(postgresData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up access to the embedded PostgreSQL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded PostgreSQL's pg_hba.conf", e);
        }
    }

    /** Passwords as a parameter of a function: never spliced into SQL text. */
    private static void setPassword(Connection connection, String role, String password) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT set_config('registration.password', ?, false)")) {
            statement.setString(1, password);
            statement.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN EXECUTE format('ALTER ROLE %I PASSWORD %L', '" + role
                    + "', current_setting('registration.password')); END $$");
            statement.execute("RESET registration.password");
        }
    }
}
