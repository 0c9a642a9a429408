package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.application.projections.ReplayUnderWay;
import com.virtualoffice.registration.application.projections.ReadModels;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models from every event in the store while the service keeps answering. The events are
 * replayed, in batches, into copies of the tables ({@link ShadowTables}), one replay at a time ({@link ReplaySlot}).
 * Only the last step holds a lock: writers wait while the events that arrived meanwhile are applied and the copies
 * take the live tables' place, in one transaction; readers see the old tables until it commits. Meanwhile a thread
 * of its own reads the next events and another decodes them ({@link ReadAhead}).
 *
 * <p>A verification does the same but compares instead of swapping, and reports every difference.
 *
 * <p>Each projection names the tables it rebuilds and the handlers that write them; the others are left alone.
 */
public final class ReadModelRebuild implements ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /** Enough for the reader to be decoding one chunk while another waits to be written: more only holds memory. */
    private static final int CHUNKS_AHEAD = 2;

    private final String name;
    private final List<String> tables;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final RowWriter writes;
    private final EventStorageEngine eventStore;
    private final EventDecoder decoder;
    private final List<Object> projections;
    private final int batchSize;
    private final ExecutorService background;
    private final ReplaySlot slot;
    private volatile long position;
    private volatile double eventsPerSecond;

    /**
     * @param tables what the projections write, every table of it
     * @param projections the handlers that write those tables
     */
    ReadModelRebuild(String name, List<String> tables, List<Object> projections, TransactionTemplate transaction,
                     JdbcClient jdbc, RowWriter writes, EventStorageEngine eventStore, EventDecoder decoder,
                     int batchSize, ExecutorService background, ReplaySlot slot) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.writes = writes;
        this.eventStore = eventStore;
        this.decoder = decoder;
        this.projections = List.copyOf(projections);
        this.batchSize = batchSize;
        this.background = background;
        this.slot = slot;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Status status() {
        long head = head();
        boolean replaying = slot.heldBy(name);
        // Outside a replay the read models are written with every command: they stand at the head.
        return new Status(name, replaying ? position : head, head, replaying, eventsPerSecond);
    }

    /** Events of the store this projection's replay has yet to apply; 0 outside a replay, without a query. */
    long lag() {
        return slot.heldBy(name) ? Math.max(head() - position, 0) : 0;
    }

    /** The rate of the replay under way; 0 when none is. */
    double replayRate() {
        return slot.heldBy(name) ? eventsPerSecond : 0;
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(global_index), 0) FROM domain_event_entry").query(Long.class).single();
    }

    @Override
    public Optional<Status> startReplay() {
        if (!takeSlot()) {
            return Optional.empty();
        }
        try {
            background.submit(() -> {
                try {
                    slot.acrossInstances(() -> replayOnce(true));
                } catch (RuntimeException failure) {
                    log.error("replaying {} failed; the live tables are unchanged", name, failure);
                } finally {
                    slot.release(name);
                }
            });
        } catch (RuntimeException notStarted) {
            slot.release(name);
            throw notStarted;
        }
        return Optional.of(status());
    }

    @Override
    public long rebuild() {
        return run(true).events();
    }

    @Override
    public Verification verify() {
        return run(false);
    }

    private Verification run(boolean replaceLive) {
        if (!takeSlot()) {
            throw new ReplayUnderWay("a replay is already under way");
        }
        try {
            return slot.acrossInstances(() -> replayOnce(replaceLive));
        } finally {
            slot.release(name);
        }
    }

    /** A replay starts from the first event: its position, shown from the moment it holds the slot, is reset. */
    private boolean takeSlot() {
        if (!slot.take(name)) {
            return false;
        }
        position = 0;
        eventsPerSecond = 0;
        return true;
    }

    private Verification replayOnce(boolean replaceLive) {
        ShadowTables shadow = new ShadowTables(jdbc.sql("SELECT current_schema()").query(String.class).single(),
                tables, jdbc, transaction);
        try {
            shadow.create();
            List<AnnotationEventHandlerAdapter> handlers =
                    projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
            long started = System.nanoTime();
            long[] replayed = {0};
            TrackingToken reached = null;
            try (ReadAhead<TrackedEventMessage<?>> events = new ReadAhead<>("read-model-replay-reader",
                    () -> eventStore.readEvents(null, false), batchSize, CHUNKS_AHEAD, decoder::decode)) {
                for (Optional<List<TrackedEventMessage<?>>> next = events.next(); next.isPresent();
                     next = events.next()) {
                    List<TrackedEventMessage<?>> batch = next.get();
                    transaction.executeWithoutResult(status -> {
                        shadow.use();
                        // The chunk's commit does not wait for its WAL to reach the disk. Nothing is lost by it:
                        // should the server stop first, the replay has failed and its copies are never used; and
                        // the swap commits synchronously, which makes every earlier commit durable with it (the
                        // WAL is flushed in order).
                        jdbc.sql("SET LOCAL synchronous_commit = off").update();
                        // The bulk's rows go as COPYs: the same rows, for less work on both sides than INSERTs.
                        writes.copyInserts();
                        batch.forEach(event -> apply(handlers, event));
                    });
                    reached = batch.getLast().trackingToken();
                    replayed[0] += batch.size();
                    progress(reached, replayed[0], started);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the replay of the read models was stopped", stopped);
            }
            double bulkSeconds = seconds(started);
            if (replaceLive) {
                shadow.complete();
            }
            double completedSeconds = seconds(started);
            TrackingToken bulkEnd = reached;
            Verification result = transaction.execute(status -> {
                // Writers wait from here until the commit; readers go on reading the live rows.
                jdbc.sql("LOCK TABLE " + shadow.liveTables() + " IN EXCLUSIVE MODE").update();
                shadow.use();
                try (Stream<? extends TrackedEventMessage<?>> rest = eventStore.readEvents(bulkEnd, false)) {
                    rest.forEach(event -> {
                        apply(handlers, event);
                        replayed[0]++;
                    });
                }
                // The projections' writes wait for the commit; they must reach the copies before comparing.
                writes.flush();
                jdbc.sql("SET LOCAL search_path TO " + shadow.live()).update();
                if (replaceLive) {
                    shadow.swapIn();
                    return new Verification(name, replayed[0], List.of());
                }
                return new Verification(name, replayed[0], tables.stream()
                        .map(table -> TableDiff.compare(jdbc, shadow.live(), table))
                        .toList());
            });
            double totalSeconds = seconds(started);
            eventsPerSecond = replayed[0] / totalSeconds;
            // Where the time went, for whoever tunes it: the bulk, the deferred keys and indexes, the last step.
            log.info("{} {} from {} events at {} events/s (bulk {} s, keys and indexes {} s, last"
                            + " step {} s)", replaceLive ? "rebuilt" : "verified", name, replayed[0],
                    Math.round(eventsPerSecond), tenths(bulkSeconds), tenths(completedSeconds - bulkSeconds),
                    tenths(totalSeconds - completedSeconds));
            return result;
        } finally {
            shadow.drop();
        }
    }

    private void apply(List<AnnotationEventHandlerAdapter> handlers, EventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            try {
                handler.handle(event);
            } catch (Exception e) {
                throw new IllegalStateException("replaying event " + event.getIdentifier() + " failed", e);
            }
        }
    }

    private void progress(TrackingToken reached, long replayed, long started) {
        if (reached instanceof GapAwareTrackingToken token) {
            position = token.getIndex();
        }
        eventsPerSecond = replayed / seconds(started);
    }

    private static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static double seconds(long startedNanos) {
        return Math.max(Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(), 1) / 1000.0;
    }
}
