package com.virtualoffice.registration.support;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * pg_ctl of the embedded PostgreSQL running on a data directory, run as zonky runs it: as root in a user namespace
 * of its own, because pg_ctl refuses to run as root. For tests that take the database away under the service.
 */
public final class PgCtl {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path pgCtl;
    private final Path dataDirectory;
    private final String options;

    private PgCtl(Path pgCtl, Path dataDirectory, String options) {
        this.pgCtl = pgCtl;
        this.dataDirectory = dataDirectory;
        this.options = options;
    }

    /** The server now running on {@code dataDirectory}: its binaries, and the options it was started with. */
    public static PgCtl ofRunningServer(Path dataDirectory) {
        ProcessHandle.Info server = ProcessHandle.of(postmasterPid(dataDirectory)).orElseThrow().info();
        List<String> arguments = Arrays.asList(server.arguments().orElseThrow());
        // "-D <data directory>" comes first; pg_ctl adds it again.
        String options = String.join(" ", arguments.subList(arguments.indexOf("-D") + 2, arguments.size()));
        return new PgCtl(Path.of(server.command().orElseThrow()).resolveSibling("pg_ctl"), dataDirectory, options);
    }

    public static long postmasterPid(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String options() {
        return options;
    }

    /** A fast shutdown: clients are disconnected, committed work is kept. */
    public void stop() {
        run("stop", "-D", dataDirectory.toString(), "-m", "fast", "-w");
    }

    /** Starts a server on the data directory with {@code options}, detached, as pg_ctl always does. */
    public void start(String options) {
        run("start", "-D", dataDirectory.toString(), "-w", "-o", options,
                "-l", dataDirectory.resolveSibling("pg_ctl-start.log").toString());
    }

    public void start() {
        start(options);
    }

    private void run(String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
