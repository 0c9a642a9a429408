package com.virtualoffice.registration;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a service that died without stopping its embedded PostgreSQL (kill -9, the OOM killer, a JVM crash) leaves
 * in the data directory, cleared before the next start:
 * <ul>
 *   <li>the server itself: pg_ctl starts it in a session of its own, so it outlives the JVM and keeps the data
 *       directory. A new server on the same directory refuses to start, and the service would give up with
 *       "Gave up waiting for server to start". The leftover is stopped with a fast shutdown (its clients died with
 *       the service; its committed work is kept), and the service starts its own as usual;</li>
 *   <li>a {@code postmaster.pid} naming a process that is alive but is not that server (process ids are reused,
 *       e.g. when a container starts again): PostgreSQL would take it for a running server and refuse to start.
 *       The file is removed.</li>
 * </ul>
 * Nothing is touched while a running service holds the data directory: zonky's lock file is locked for the whole
 * life of the service that owns it, so a held lock means the server is in use, not left over.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final String PID_FILE = "postmaster.pid";
    /** zonky's lock on the data directory (EmbeddedPostgres.LOCK_FILE_NAME), held while its server runs. */
    private static final String SERVICE_LOCK = "epg-lock";
    private static final String SERVER_BINARY = "postgres";
    private static final String FAST_SHUTDOWN = "-INT";
    private static final String DATA_DIRECTORY_OPTION = "-D";

    private StalePostmaster() {
    }

    /** Stops the server left running on {@code dataDirectory}, or removes a stale pid file; else does nothing. */
    static void clear(Path dataDirectory, Duration stopTimeout) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(SERVICE_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
            if (lock == null) {
                return;
            }
            Optional<ProcessHandle> named = pidOf(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            if (named.isEmpty()) {
                // A pid file of a process that is gone: PostgreSQL itself removes it on start.
                return;
            }
            ProcessHandle process = named.get();
            ProcessHandle.Info info = process.info();
            if (info.command().isEmpty() || info.arguments().isEmpty()) {
                // We cannot tell what the process is: leave the decision to PostgreSQL.
                return;
            }
            if (servesDirectory(info, dataDirectory)) {
                stop(process, dataDirectory, stopTimeout);
            } else {
                log.warn("{} named process {} ({}), which is not the PostgreSQL server of {}: a stale file, removed",
                        pidFile, process.pid(), info.command().get(), dataDirectory);
                Files.delete(pidFile);
            }
        }
    }

    /** Null when another process holds the lock, or this JVM does (a service of this JVM owns the directory). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    private static Optional<Long> pidOf(Path pidFile) throws IOException {
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().strip()));
        } catch (NumberFormatException malformed) {
            return Optional.empty();
        }
    }

    /** A postgres binary started with {@code -D} naming this very directory. */
    private static boolean servesDirectory(ProcessHandle.Info info, Path dataDirectory) throws IOException {
        Path binary = Path.of(info.command().get()).getFileName();
        if (binary == null || !binary.toString().startsWith(SERVER_BINARY)) {
            return false;
        }
        String[] arguments = info.arguments().get();
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals(DATA_DIRECTORY_OPTION)) {
                Path served = Path.of(arguments[i + 1]);
                return Files.exists(served) && Files.isSameFile(served, dataDirectory);
            }
        }
        return false;
    }

    /**
     * A fast shutdown: SIGINT, what {@code pg_ctl stop -m fast} sends. pg_ctl itself is no help here: as root it
     * refuses to run, and zonky runs the server in a user namespace of its own for that reason. Should the signal
     * fail to go out, SIGTERM (a smart shutdown, which waits for clients, and the clients of a killed service are
     * gone).
     */
    private static void stop(ProcessHandle server, Path dataDirectory, Duration timeout) throws IOException {
        log.warn("PostgreSQL (PID {}) is still running on {}, orphaned by a service that did not stop; stopping it",
                server.pid(), dataDirectory);
        long start = System.nanoTime();
        if (!sendFastShutdown(server)) {
            server.destroy();
        }
        try {
            server.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("PostgreSQL (PID " + server.pid() + ") left running on " + dataDirectory
                    + " did not stop within " + timeout + "; stop it, then start the service again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL (PID " + server.pid() + ")", e);
        }
        log.warn("orphaned PostgreSQL (PID {}) stopped in {} ms", server.pid(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static boolean sendFastShutdown(ProcessHandle server) throws IOException {
        Process kill = new ProcessBuilder("kill", FAST_SHUTDOWN, Long.toString(server.pid()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return kill.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
