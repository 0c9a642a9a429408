package com.virtualoffice.registration;

import com.virtualoffice.registration.support.DataDirs;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.PgCtl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * A start after the service was killed: the embedded PostgreSQL it left running on the data directory (what kill -9
 * of the JVM leaves, see bench/drills/kill-9.sh) is stopped, the service's own server starts, and nothing committed
 * is lost. A server that a running service owns is never touched.
 */
class StalePostmasterTest {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
    private final List<Runnable> cleanups = new ArrayList<>();
    private Path dataDir;

    @AfterEach
    void cleanUp() throws IOException {
        cleanups.reversed().forEach(Runnable::run);
        // A PostgreSQL data directory is some 40 MB.
        FileSystemUtils.deleteRecursively(dataDir);
    }

    @Test
    void a_server_left_running_by_a_killed_service_is_stopped_and_the_next_start_finds_the_data() throws Exception {
        dataDir = DataDirs.temporary("registration-orphan-");
        PgCtl pgCtl;
        try (EmbeddedPostgres first = configuration.embeddedPostgres(dataDir, STOP_TIMEOUT)) {
            execute(first, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            pgCtl = PgCtl.ofRunningServer(postgresData());

            // While the service runs, its server is not a leftover.
            StalePostmaster.clear(postgresData(), STOP_TIMEOUT);
            assertThat(server().isAlive()).isTrue();
            execute(first, "SELECT 1");
        }
        ProcessHandle orphan = startDetached(pgCtl);

        try (EmbeddedPostgres second = configuration.embeddedPostgres(dataDir, STOP_TIMEOUT)) {
            assertThat(orphan.isAlive()).isFalse();
            assertThat(server().pid()).isNotEqualTo(orphan.pid());
            try (Connection connection = second.getPostgresDatabase().getConnection();
                 var rows = connection.createStatement().executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void a_pid_file_naming_a_process_that_is_not_the_server_is_removed() throws Exception {
        dataDir = DataDirs.temporary("registration-stale-pid-");
        List<String> pidFile;
        try (EmbeddedPostgres first = configuration.embeddedPostgres(dataDir, STOP_TIMEOUT)) {
            pidFile = Files.readAllLines(postgresData().resolve("postmaster.pid"));
        }
        // The server's process id now belongs to another process, as after a container started again.
        Process other = new ProcessBuilder("sleep", "60").start();
        cleanups.add(other::destroy);
        List<String> stale = new ArrayList<>(pidFile);
        stale.set(0, Long.toString(other.pid()));
        Files.write(postgresData().resolve("postmaster.pid"), stale);

        try (EmbeddedPostgres second = configuration.embeddedPostgres(dataDir, STOP_TIMEOUT)) {
            execute(second, "SELECT 1");
            assertThat(other.isAlive()).isTrue();
        }
    }

    /** What kill -9 of the service leaves: the server running on its own, with nobody holding zonky's lock. */
    private ProcessHandle startDetached(PgCtl pgCtl) {
        pgCtl.start();
        ProcessHandle orphan = server();
        cleanups.add(() -> {
            // Only if the code under test failed to stop it.
            if (orphan.isAlive()) {
                orphan.destroyForcibly();
            }
        });
        return orphan;
    }

    private ProcessHandle server() {
        return ProcessHandle.of(PgCtl.postmasterPid(postgresData())).orElseThrow();
    }

    private Path postgresData() {
        return dataDir.resolve("postgres").toAbsolutePath();
    }

    private static void execute(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute(sql);
        }
    }
}
