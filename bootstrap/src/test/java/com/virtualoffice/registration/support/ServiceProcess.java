package com.virtualoffice.registration.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service in a JVM of its own, started as an operator starts it: environment variables and arguments, its
 * console output kept line by line. For what one process's logging or environment must decide, such as the log
 * format or the database it is pointed at.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();

    private ServiceProcess(Process process) {
        this.process = process;
        drain(process.inputReader(StandardCharsets.UTF_8), stdout);
        drain(new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8)), stderr);
    }

    /** Starts the service's main class on this test run's class path. */
    public static ServiceProcess start(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "com.virtualoffice.registration.RegistrationApplication"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP port, once the service serves; fails with the output so far if it stops or takes too long. */
    public int port() {
        String line = awaitLine(candidate -> STARTED.matcher(candidate).find(), START_TIMEOUT);
        Matcher matcher = STARTED.matcher(line);
        matcher.find();
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * Waits until the service is ready for traffic (its readiness probe UP: after migrations and start-up work)
     * and returns a client of it; meanwhile the probe must answer 503, never anything else.
     */
    public Http ready() {
        // The service is another process: its readiness probe is all there is to wait on, asked within a bound.
        Http http = new Http(port());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            int status = http.get("/actuator/health/readiness").send().status();
            if (status == 200) {
                return http;
            }
            if (status != 503 || System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("readiness answered " + status + "; output:\n" + String.join("\n", lines()));
            }
            Eventually.pause(Duration.ofMillis(50));
        }
    }

    /** The first line of standard output that matches, waiting for it. */
    public String awaitLine(Predicate<String> matching, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (stdout) {
            while (true) {
                Optional<String> found = stdout.stream().filter(matching).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new AssertionError("no such line (process " + (process.isAlive() ? "running" : "exited")
                            + "); output:\n" + String.join("\n", stdout) + "\nerrors:\n" + errors());
                }
                try {
                    stdout.wait(Math.max(TimeUnit.NANOSECONDS.toMillis(left), 1));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    public List<String> lines() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public String errors() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    /** Stops it as an orchestrator would (SIGTERM: a graceful shutdown), and waits until it has. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(BufferedReader reader, List<String> into) {
        Thread.ofPlatform().daemon().name("service-output").start(() -> {
            try (reader) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (into) {
                        into.add(line);
                        into.notifyAll();
                    }
                }
            } catch (IOException closed) {
                // The process ended.
            }
        });
    }
}
