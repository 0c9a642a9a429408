package com.virtualoffice.registration.adapters.cli;

import com.virtualoffice.registration.application.projections.ReadModels.Status;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A replay's or verification's progress on the command line, from the status the operator API reports too
 * (GET /admin/projections): a bar redrawn in place with events/s and the time left on a terminal, a plain line now
 * and then otherwise (a log file, a CI job).
 */
final class ReplayProgress implements AutoCloseable {

    static final Duration TERMINAL_EVERY = Duration.ofMillis(250);
    static final Duration LINES_EVERY = Duration.ofSeconds(5);
    private static final int BAR_WIDTH = 30;
    /** Erases what is left of the line after the cursor: a shorter redraw leaves nothing of the longer one. */
    private static final String CLEAR_TO_END = "\u001b[K";

    private final PrintWriter out;
    private final boolean terminal;
    private final Supplier<Optional<Status>> status;
    private ScheduledExecutorService ticker;
    private boolean drawn;

    ReplayProgress(PrintWriter out, boolean terminal, Supplier<Optional<Status>> status) {
        this.out = out;
        this.terminal = terminal;
        this.status = status;
    }

    /** Whether standard output is a terminal one can redraw a line on. */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // From JDK 22 on there is a Console even when the output is redirected; isTerminal() tells.
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException jdk21) {
            return true;
        } catch (ReflectiveOperationException unknown) {
            return false;
        }
    }

    /** Reports every so often on a thread of its own until closed. */
    ReplayProgress start() {
        Duration every = terminal ? TERMINAL_EVERY : LINES_EVERY;
        ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("replay-progress").daemon()
                .factory());
        ticker.scheduleAtFixedRate(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    void tick() {
        try {
            status.get().filter(Status::replaying).ifPresent(this::report);
        } catch (RuntimeException unavailable) {
            // Progress is a courtesy: the replay reports its own failure.
        }
    }

    synchronized void report(Status status) {
        if (terminal) {
            out.print("\r" + bar(status) + " " + figures(status) + CLEAR_TO_END);
            drawn = true;
        } else {
            out.println(status.name() + ": " + figures(status));
        }
        out.flush();
    }

    static String bar(Status status) {
        int filled = (int) Math.round(fraction(status) * BAR_WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    /** "12,000 of 50,000 events (24%), 8,000 events/s, about 5 s left". */
    static String figures(Status status) {
        long left = Math.max(status.head() - status.position(), 0);
        String eta = status.eventsPerSecond() > 0
                ? ", about " + duration(Math.round(left / status.eventsPerSecond())) + " left"
                : "";
        return String.format(Locale.ROOT, "%,d of %,d events (%d%%), %,.0f events/s%s", status.position(), status.head(),
                Math.round(fraction(status) * 100), status.eventsPerSecond(), eta);
    }

    private static double fraction(Status status) {
        return status.head() <= 0 ? 1 : Math.min(1, Math.max(0, (double) status.position() / status.head()));
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s"
                : seconds < 3600 ? String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60)
                : String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** Stops reporting; on a terminal the bar's line is ended, so what follows starts on a line of its own. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (drawn) {
                out.println();
                out.flush();
            }
        }
    }
}
