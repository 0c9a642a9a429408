package com.virtualoffice.registration.adapters.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How the projections (and the webhook outbox, written in the same transactions) write. Within a transaction the statements are gathered and sent just before it commits,
 * in JDBC batches: a replay chunk of a thousand events, or a seller's group commit, then costs a few round trips
 * instead of one per statement. Outside a transaction each statement runs at once.
 *
 * <p>Statements keep their order per table, which is all the projections rely on: none of their writes reads
 * a table another of them writes. A projection that reads its own table while writing asks {@link #remembered()} first, for what
 * this transaction wrote but has not sent yet.
 */
public final class ProjectionWrites {

    private static final Pattern WRITTEN_TABLE =
            Pattern.compile("^\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private final NamedParameterJdbcTemplate jdbc;
    private final CopyRows copyRows;

    ProjectionWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.copyRows = new CopyRows(jdbc.getJdbcTemplate());
    }

    /** One INSERT, UPDATE or DELETE of one table, with named parameters. */
    public Statement sql(String sql) {
        Matcher table = WRITTEN_TABLE.matcher(sql);
        if (!table.find()) {
            throw new IllegalArgumentException("not a write of one table: " + sql);
        }
        return new Statement(table.group(1).toLowerCase(), sql);
    }

    /**
     * This transaction's INSERTs go as COPYs, one per run of rows of the same INSERT (see {@link InsertAsCopy}):
     * for a replay's chunks, whose thousand rows per table cost PostgreSQL less as one stream than as a batch of
     * statements, and Java less to write as text than to bind. The rows and the constraint checks are the same;
     * a failure fails the run, and with it the transaction, as a failing statement of a batch does. Outside a
     * transaction there is nothing to gather, and nothing changes.
     */
    void copyInserts() {
        pending().ifPresent(pending -> pending.copyInserts = true);
    }

    /** Sends what this transaction gathered so far, e.g. before reading the tables in it. */
    void flush() {
        pending().ifPresent(Pending::send);
    }

    /**
     * Values a projection keeps beside the statements this transaction has not sent yet, forgotten once they are
     * sent. Outside a transaction, an empty map that forgets.
     */
    Map<Object, Object> remembered() {
        return pending().map(pending -> pending.remembered).orElseGet(HashMap::new);
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

    public final class Statement {

        private final String table;
        private final String sql;
        private final MapSqlParameterSource parameters = new MapSqlParameterSource();

        private Statement(String table, String sql) {
            this.table = table;
            this.sql = sql;
        }

        public Statement param(String name, Object value) {
            parameters.addValue(name, value);
            return this;
        }

        Statement params(Map<String, ?> values) {
            parameters.addValues(values);
            return this;
        }

        public void update() {
            pending().ifPresentOrElse(pending -> pending.add(this), () -> jdbc.update(sql, parameters));
        }
    }

    /** One transaction's statements, per table in order, sent before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final Map<String, List<Statement>> byTable = new LinkedHashMap<>();
        private final Map<Object, Object> remembered = new HashMap<>();
        private boolean copyInserts;

        void add(Statement statement) {
            byTable.computeIfAbsent(statement.table, table -> new ArrayList<>()).add(statement);
        }

        /** Consecutive runs of one SQL text go as one JDBC batch, or as one COPY where {@link #copyInserts} asked. */
        void send() {
            for (List<Statement> statements : byTable.values()) {
                for (int start = 0; start < statements.size(); ) {
                    String sql = statements.get(start).sql;
                    int end = start;
                    while (end < statements.size() && statements.get(end).sql.equals(sql)) {
                        end++;
                    }
                    List<Statement> run = statements.subList(start, end);
                    Optional<InsertAsCopy> copy = copyInserts ? InsertAsCopy.of(sql) : Optional.empty();
                    if (copy.isPresent()) {
                        copyRows.copy(copy.get(), run.stream().map(statement -> statement.parameters).toList());
                    } else {
                        jdbc.batchUpdate(sql, run.stream()
                                .map(statement -> (SqlParameterSource) statement.parameters)
                                .toArray(SqlParameterSource[]::new));
                    }
                    start = end;
                }
            }
            byTable.clear();
            remembered.clear();
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            send();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ProjectionWrites.this);
        }
    }
}
