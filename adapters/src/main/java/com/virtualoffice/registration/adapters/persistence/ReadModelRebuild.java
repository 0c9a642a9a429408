package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.application.projections.ReadModels;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
 * replayed, in batches, into copies of the tables in a schema of their own (the projections' SQL names tables
 * without a schema, so a {@code search_path} switch points them at the copies). Only the last step holds a lock:
 * writers wait while the events that arrived meanwhile are applied and the copies take the live tables' place, in
 * one transaction; readers see the old tables until it commits.
 *
 * <p>The copies carry the live tables' constraints and indexes under the same names, so that after the swap
 * nothing tells them apart. Only those the projections' statements need exist while the bulk of the events goes
 * in; the others are built once it is in, from all the rows at once, which costs a fraction of keeping them up row
 * by row. Meanwhile a thread of its own reads and decodes the next events ({@link ReadAhead}).
 *
 * <p>A verification does the same but compares instead of swapping, and reports every difference.
 *
 * <p>Each projection names the tables it rebuilds and the handlers that write them; the others are left alone.
 */
public final class ReadModelRebuild implements ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    static final String SHADOW_SCHEMA = "read_model_rebuild";
    private static final int SAMPLE_IDS = 5;
    /** Any fixed number no other advisory lock of this database uses. */
    private static final long REPLAY_LOCK = 0x7265_706c_6179L;
    /** Enough for the reader to be decoding one chunk while another waits to be written: more only holds memory. */
    private static final int CHUNKS_AHEAD = 2;

    private final String name;
    private final List<String> tables;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final ProjectionWrites writes;
    private final EventStorageEngine eventStore;
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
                     DataSource dataSource, JdbcClient jdbc, ProjectionWrites writes, EventStorageEngine eventStore,
                     int batchSize, ExecutorService background, ReplaySlot slot) {
        this.name = name;
        this.tables = List.copyOf(tables);
        this.transaction = transaction;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.writes = writes;
        this.eventStore = eventStore;
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
                    replayHoldingSlot(true);
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
            throw new IllegalStateException("a replay is already under way");
        }
        try {
            return replayHoldingSlot(replaceLive);
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

    private Verification replayHoldingSlot(boolean replaceLive) {
        try (Connection guard = dataSource.getConnection()) {
            // Instances share one rebuild schema: an advisory lock, held on a connection of its own for the
            // whole run, keeps a second instance from replaying at the same time.
            if (!advisoryLock(guard, "pg_try_advisory_lock")) {
                throw new IllegalStateException("a replay is under way on another instance");
            }
            try {
                return replayOnce(replaceLive);
            } finally {
                advisoryLock(guard, "pg_advisory_unlock");
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("could not take the replay lock", failure);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, REPLAY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private Verification replayOnce(boolean replaceLive) {
        try {
            String live = jdbc.sql("SELECT current_schema()").query(String.class).single();
            createShadowTables(live);
            List<AnnotationEventHandlerAdapter> handlers =
                    projections.stream().map(AnnotationEventHandlerAdapter::new).toList();
            long started = System.nanoTime();
            long[] replayed = {0};
            TrackingToken reached = null;
            try (ReadAhead<TrackedEventMessage<?>> events = new ReadAhead<>("read-model-replay-reader",
                    () -> eventStore.readEvents(null, false), batchSize, CHUNKS_AHEAD, ReadModelRebuild::decode)) {
                for (Optional<List<TrackedEventMessage<?>>> next = events.next(); next.isPresent();
                     next = events.next()) {
                    List<TrackedEventMessage<?>> batch = next.get();
                    transaction.executeWithoutResult(status -> {
                        useShadowTables(live);
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
                completeShadowTables(live);
            }
            double completedSeconds = seconds(started);
            TrackingToken bulkEnd = reached;
            Verification result = transaction.execute(status -> {
                // Writers wait from here until the commit; readers go on reading the live rows.
                jdbc.sql("LOCK TABLE " + qualified(live) + " IN EXCLUSIVE MODE").update();
                useShadowTables(live);
                try (Stream<? extends TrackedEventMessage<?>> rest = eventStore.readEvents(bulkEnd, false)) {
                    rest.forEach(event -> {
                        apply(handlers, event);
                        replayed[0]++;
                    });
                }
                // The projections' writes wait for the commit; they must reach the copies before comparing.
                writes.flush();
                jdbc.sql("SET LOCAL search_path TO " + live).update();
                if (replaceLive) {
                    tables.forEach(table -> swapIn(live, table));
                    return new Verification(name, replayed[0], List.of());
                }
                return new Verification(name, replayed[0], tables.stream().map(table -> compare(live, table))
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
            dropShadowTables();
        }
    }

    /** Events come from the store undecoded; decoding them is most of the reading, done on the reading thread. */
    private static void decode(EventMessage<?> event) {
        event.getPayload();
        event.getMetaData();
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

    /** Empty copies with the live tables' columns, and of their keys and indexes those the replay needs. */
    private void createShadowTables(String live) {
        transaction.executeWithoutResult(status -> {
            // Only when missing: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas even when it exists,
            // and a role that owns only its schemas (docs/operations.md) has it made for it instead.
            if (jdbc.sql("SELECT to_regnamespace(:schema) IS NULL").param("schema", SHADOW_SCHEMA)
                    .query(Boolean.class).single()) {
                jdbc.sql("CREATE SCHEMA " + SHADOW_SCHEMA).update();
            }
            for (String table : tables) {
                String copy = SHADOW_SCHEMA + "." + table;
                jdbc.sql("DROP TABLE IF EXISTS " + copy).update();
                jdbc.sql("CREATE TABLE " + copy + " (LIKE " + live + "." + table
                        + " INCLUDING ALL EXCLUDING INDEXES)").update();
                keysAndIndexes(live, table).stream().filter(KeyOrIndex::neededWhileReplaying)
                        .forEach(keyOrIndex -> jdbc.sql(keyOrIndex.on(live, table, SHADOW_SCHEMA)).update());
            }
        });
    }

    /** After the bulk: the keys and indexes left for later, and fresh statistics for the planner. */
    private void completeShadowTables(String live) {
        transaction.executeWithoutResult(status -> {
            for (String table : tables) {
                keysAndIndexes(live, table).stream().filter(keyOrIndex -> !keyOrIndex.neededWhileReplaying())
                        .forEach(keyOrIndex -> jdbc.sql(keyOrIndex.on(live, table, SHADOW_SCHEMA)).update());
            }
        });
        tables.forEach(table -> jdbc.sql("ANALYZE " + SHADOW_SCHEMA + "." + table).update());
    }

    /** The live table's primary key, unique constraints and other indexes. */
    private List<KeyOrIndex> keysAndIndexes(String schema, String table) {
        return jdbc.sql("""
                        SELECT c.relname AS name, k.conname IS NOT NULL AS constraint_,
                            coalesce('CONSTRAINT ' || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid),
                                     pg_get_indexdef(i.indexrelid)) AS definition
                        FROM pg_index i
                        JOIN pg_class c ON c.oid = i.indexrelid
                        LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
                            AND k.contype IN ('p', 'u')
                        WHERE i.indrelid = to_regclass(:table)
                        ORDER BY k.conname IS NULL, c.relname
                        """)
                .param("table", schema + "." + table)
                .query((row, n) -> new KeyOrIndex(row.getString("name"), row.getBoolean("constraint_"),
                        row.getString("definition")))
                .list();
    }

    /**
     * A primary key, a unique constraint or an index, named as the constraint or index is. {@code definition} is
     * the constraint's clause, or the index's whole {@code CREATE INDEX}.
     */
    private record KeyOrIndex(String name, boolean constraint, String definition) {

        /**
         * What the projections' own statements rely on while the events go in: the primary keys their UPDATEs and
         * DELETEs find rows by (sellers, api_keys, customers), and the index CustomerEventTable finds a customer's
         * last row by. Every other key and index is built from all the rows at the end, which costs a fraction of
         * keeping it up row by row: on random UUIDs each row dirties another page of each. Their checks come
         * then too, and are the same: a duplicate fails the replay before anything is swapped.
         */
        private static final Set<String> NEEDED_WHILE_REPLAYING =
                Set.of("sellers_pkey", "api_keys_pkey", "customers_pkey", "customer_events_customer_idx");

        boolean neededWhileReplaying() {
            return NEEDED_WHILE_REPLAYING.contains(name);
        }

        /** The statement that adds it to the table of that name in another schema (an index lives in its table's). */
        String on(String fromSchema, String table, String toSchema) {
            if (constraint) {
                return "ALTER TABLE " + toSchema + "." + table + " ADD " + definition;
            }
            String target = " ON " + fromSchema + "." + table + " ";
            if (!definition.contains(target)) {
                throw new IllegalStateException("unexpected index definition: " + definition);
            }
            return definition.replace(target, " ON " + toSchema + "." + table + " ");
        }
    }

    private void dropShadowTables() {
        try {
            transaction.executeWithoutResult(status -> tables.forEach(table ->
                    jdbc.sql("DROP TABLE IF EXISTS " + SHADOW_SCHEMA + "." + table).update()));
        } catch (RuntimeException failure) {
            log.warn("could not drop the rebuild tables in schema {}: {}", SHADOW_SCHEMA, failure.toString());
        }
    }

    /** Only within the current transaction: the projections' table names now mean the copies. */
    private void useShadowTables(String live) {
        jdbc.sql("SET LOCAL search_path TO " + SHADOW_SCHEMA + ", " + live).update();
    }

    /**
     * The rebuilt table takes the live one's place, with its name and its indexes' names. Dropping the live table
     * waits for the readers still on it and holds new ones back for the moment the swap takes; the rows are not
     * copied, which on a large table would hold the writers for as long as rebuilding its indexes.
     */
    private void swapIn(String live, String table) {
        jdbc.sql("DROP TABLE " + live + "." + table).update();
        jdbc.sql("ALTER TABLE " + SHADOW_SCHEMA + "." + table + " SET SCHEMA " + live).update();
    }

    private TableDifference compare(String live, String table) {
        List<String> columns = storedColumns(live, table);
        String select = String.join(", ", columns);
        String key = columns.getFirst();
        String missing = "SELECT " + select + " FROM " + SHADOW_SCHEMA + "." + table
                + " EXCEPT ALL SELECT " + select + " FROM " + live + "." + table;
        String unexpected = "SELECT " + select + " FROM " + live + "." + table
                + " EXCEPT ALL SELECT " + select + " FROM " + SHADOW_SCHEMA + "." + table;
        long missingRows = jdbc.sql("SELECT count(*) FROM (" + missing + ") d").query(Long.class).single();
        long unexpectedRows = jdbc.sql("SELECT count(*) FROM (" + unexpected + ") d").query(Long.class).single();
        List<String> samples = jdbc.sql("SELECT DISTINCT " + key + "::text FROM ((" + missing + ") UNION ALL ("
                        + unexpected + ")) d ORDER BY 1 LIMIT " + SAMPLE_IDS)
                .query(String.class).list();
        return new TableDifference(table, missingRows, unexpectedRows, samples);
    }

    /** The columns that hold data, in table order; generated columns follow from them. */
    private List<String> storedColumns(String schema, String table) {
        return jdbc.sql("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = :schema AND table_name = :table AND is_generated = 'NEVER'
                        ORDER BY ordinal_position
                        """)
                .param("schema", schema)
                .param("table", table)
                .query(String.class)
                .list();
    }

    private String qualified(String schema) {
        return String.join(", ", tables.stream().map(table -> schema + "." + table).toList());
    }

    private static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static double seconds(long startedNanos) {
        return Math.max(Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(), 1) / 1000.0;
    }
}
