package com.virtualoffice.registration.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of an operator's, for running the service against as its users would: a cluster of its own,
 * password authentication over TCP, a superuser the test sets up roles and databases with. Either the distribution's
 * server binaries (Debian's postgresql package: /usr/lib/postgresql/N/bin) or zonky's embedded binaries.
 */
public final class OwnPostgres implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "superuser-secret";

    private final int port;
    private final AutoCloseable stop;

    private OwnPostgres(int port, AutoCloseable stop) {
        this.port = port;
        this.stop = stop;
    }

    /** The newest server binaries of that major version the system has, if any. */
    public static Optional<Path> systemBinaries(int majorVersion) {
        Path bin = Path.of("/usr/lib/postgresql", Integer.toString(majorVersion), "bin");
        return Files.isExecutable(bin.resolve("initdb")) ? Optional.of(bin) : Optional.empty();
    }

    /** initdb and pg_ctl start with the system's binaries, in a temporary directory. */
    public static OwnPostgres ofSystemBinaries(Path bin) {
        try {
            Path work = Files.createTempDirectory("own-postgres-");
            Path data = work.resolve("data");
            Path passwordFile = work.resolve("superuser-password");
            Files.writeString(passwordFile, SUPERUSER_PASSWORD);
            int port = freePort();
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--pwfile",
                    passwordFile.toString(), "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8");
            run(bin.resolve("pg_ctl").toString(), "start", "-D", data.toString(), "-w", "-l",
                    work.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=localhost -k " + work);
            return new OwnPostgres(port, () -> {
                try {
                    run(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w");
                } finally {
                    FileSystemUtils.deleteRecursively(work);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** zonky's binaries (the embedded server's version), started as a server of its own. */
    public static OwnPostgres ofEmbeddedBinaries() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", SUPERUSER, "");
                 Statement statement = connection.createStatement()) {
                statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + SUPERUSER_PASSWORD + "'");
            }
            return new OwnPostgres(postgres.getPort(), postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Runs each statement as the superuser, in that database, outside a transaction. */
    public void asSuperuser(String database, String... statements) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, SUPERUSER_PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public String serverVersion() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, SUPERUSER_PASSWORD)) {
            return connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** PostgreSQL's tools refuse to run as root: as root they run in a user namespace, as zonky runs them. */
    private static void run(String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + command + "\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
