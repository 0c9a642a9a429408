package com.virtualoffice.registration.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one writer of the read models' rows, and of the event store's: within a transaction the rows are gathered
 * and sent just before it commits, all of them in one round trip: one prepared text of several statements, which
 * the driver sends as one pipeline with one sync (and BEGIN before it). A seller's group commit of many creates
 * costs the same round trip as one create. In a replay ({@link #copyInserts()}) each run of inserted rows goes
 * as one COPY of its declared columns instead. Outside a transaction each row is sent at once.
 *
 * <p>Rows keep their order per table, and tables the order they were first written in: the event store's first,
 * since its rows are handed over before the projections run. None of the projections' writes reads a table
 * another of them writes; one that reads its own table while writing asks {@link #waiting} first. An erasure is
 * the exception: its handlers {@link #flush} first and then read what the earlier events left (erasures are rare).
 */
public final class RowWriter {

    /** Statements per round trip: the answers to a few hundred never fill the socket buffers both ways. */
    private static final int STATEMENTS_PER_ROUND_TRIP = 200;
    /** Parameters per statement: PostgreSQL takes 65,535 at most. */
    private static final int PARAMETERS_PER_STATEMENT = 30_000;

    private final JdbcTemplate jdbc;
    private final CopyRows copyRows;

    RowWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.copyRows = new CopyRows(jdbc);
    }

    /** Gathers the row for this transaction's commit, or sends it now outside a transaction. */
    public <R> void add(RowKind<R> kind, R row) {
        pending().ifPresentOrElse(pending -> pending.add(kind, row), () -> send(List.of(new Row<>(kind, row)), false));
    }

    /** The last row of the kind this transaction gathered and has not sent yet that matches. */
    public <R> Optional<R> waiting(RowKind<R> kind, Predicate<R> matching) {
        return pending().flatMap(pending -> pending.last(kind, matching));
    }

    /** This transaction's runs of inserted rows go as COPYs: the bulk of a replay. */
    void copyInserts() {
        pending().ifPresent(pending -> pending.copyInserts = true);
    }

    /** Sends what this transaction gathered so far, e.g. before reading the tables in it. */
    void flush() {
        pending().ifPresent(Pending::send);
    }

    private Optional<Pending> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return Optional.of(pending);
    }

    private record Row<R>(RowKind<R> kind, R row) {
    }

    /** The rows in order, runs of one kind together; failures read by the kinds sent. */
    private void send(List<Row<?>> rows, boolean copyInserts) {
        Set<RowKind<?>> kinds = new LinkedHashSet<>();
        rows.forEach(row -> kinds.add(row.kind()));
        try {
            Pipeline pipeline = new Pipeline();
            for (int start = 0; start < rows.size(); ) {
                RowKind<?> kind = rows.get(start).kind();
                int end = start;
                while (end < rows.size() && rows.get(end).kind() == kind) {
                    end++;
                }
                run(kind, rows.subList(start, end), copyInserts, pipeline);
                start = end;
            }
            pipeline.send();
        } catch (RuntimeException failure) {
            RuntimeException meant = failure;
            for (RowKind<?> kind : kinds) {
                meant = kind.failed(meant);
            }
            throw meant;
        }
    }

    @SuppressWarnings("unchecked")
    private <R> void run(RowKind<R> kind, List<Row<?>> run, boolean copyInserts, Pipeline pipeline) {
        List<R> rows = run.stream().map(row -> (R) row.row()).toList();
        switch (kind) {
            case RowKind.Insert<R> insert when copyInserts -> {
                pipeline.send();
                copyRows.copy(insert, rows);
            }
            case RowKind.Insert<R> insert -> {
                int perStatement = Math.max(1, PARAMETERS_PER_STATEMENT / insert.columns().size());
                for (int from = 0; from < rows.size(); from += perStatement) {
                    List<R> some = rows.subList(from, Math.min(rows.size(), from + perStatement));
                    List<Object> values = new ArrayList<>(some.size() * insert.columns().size());
                    some.forEach(row -> values.addAll(insert.values(row)));
                    pipeline.add(insert.sql(some.size()), values);
                }
            }
            case RowKind.Statement<R> statement ->
                    rows.forEach(row -> pipeline.add(statement.sql(row), statement.parameters(row)));
        }
    }

    /** Statements gathered for one round trip: one prepared text, its parameters in order. */
    private final class Pipeline {

        private final StringBuilder sql = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();
        private int statements;

        void add(String statement, List<?> values) {
            // No whitespace after the separator: each statement's own text is what pg_stat_activity shows.
            sql.append(statements == 0 ? "" : ";").append(statement);
            parameters.addAll(values);
            if (++statements >= STATEMENTS_PER_ROUND_TRIP) {
                send();
            }
        }

        void send() {
            if (statements == 0) {
                return;
            }
            String text = sql.toString();
            List<Object> values = new ArrayList<>(parameters);
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(text)) {
                    for (int i = 0; i < values.size(); i++) {
                        if (values.get(i) == null) {
                            statement.setNull(i + 1, Types.NULL);
                        } else {
                            statement.setObject(i + 1, values.get(i));
                        }
                    }
                    statement.execute();
                }
                return null;
            });
            sql.setLength(0);
            parameters.clear();
            statements = 0;
        }
    }

    /** One transaction's rows, per table in order, sent before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, List<Row<?>>> byTable = new LinkedHashMap<>();
        /** Where a merging statement's row waits, by its kind and key. */
        private final Map<List<Object>, Integer> merged = new HashMap<>();
        private boolean copyInserts;

        <R> void add(RowKind<R> kind, R row) {
            List<Row<?>> rows = byTable.computeIfAbsent(kind.table(), table -> new ArrayList<>());
            if (kind instanceof RowKind.Statement<R> statement && statement.key(row).isPresent()) {
                List<Object> key = List.of(kind, statement.key(row).get());
                Integer at = merged.get(key);
                if (at != null) {
                    @SuppressWarnings("unchecked")
                    R waiting = (R) rows.get(at).row();
                    rows.set(at, new Row<>(kind, statement.merge(waiting, row)));
                    return;
                }
                merged.put(key, rows.size());
            }
            rows.add(new Row<>(kind, row));
        }

        @SuppressWarnings("unchecked")
        <R> Optional<R> last(RowKind<R> kind, Predicate<R> matching) {
            List<Row<?>> rows = byTable.getOrDefault(kind.table(), List.of());
            for (ListIterator<Row<?>> it = rows.listIterator(rows.size()); it.hasPrevious(); ) {
                Row<?> row = it.previous();
                if (row.kind() == kind && matching.test((R) row.row())) {
                    return Optional.of((R) row.row());
                }
            }
            return Optional.empty();
        }

        void send() {
            List<Row<?>> rows = new ArrayList<>();
            byTable.values().forEach(rows::addAll);
            byTable.clear();
            merged.clear();
            if (!rows.isEmpty()) {
                RowWriter.this.send(rows, copyInserts);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RowWriter.this);
        }
    }
}
