package com.virtualoffice.registration.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;

/**
 * A kind of row a read model (or the event store) writes, and how rows of it reach their table: declared, never
 * read back out of SQL text. {@link RowWriter} sends them.
 *
 * @param <R> the row, a record of the read model's own
 */
public sealed interface RowKind<R> permits RowKind.Insert, RowKind.Statement {

    /** The table written: rows keep their order per table, and tables the order they were first written in. */
    String table();

    /** What a failure of a round trip holding rows of this kind means; the failure itself unless told. */
    RuntimeException failed(RuntimeException failure);

    /**
     * Reads a failure that violated a unique key of the table as the one {@code meaning} makes of it; any other
     * failure stays as it is.
     */
    static UnaryOperator<RuntimeException> onUniqueViolation(String table,
                                                              UnaryOperator<RuntimeException> meaning) {
        return failure -> {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof PSQLException sql && "23505".equals(sql.getSQLState())
                        && sql.getServerErrorMessage() != null
                        && table.equals(sql.getServerErrorMessage().getTable())) {
                    return meaning.apply(failure);
                }
            }
            return failure;
        };
    }

    /** A column of an insert: its name, its PostgreSQL type, and the row's value for it. */
    record Column<R>(String name, String type, Function<R, ?> value) {
    }

    static <R> Column<R> column(String name, String type, Function<R, ?> value) {
        return new Column<>(name, type, value);
    }

    /** Rows inserted into declared columns: many rows as one statement live, as one COPY in a replay. */
    static <R> Insert<R> insert(String table, List<Column<R>> columns) {
        return new Insert<>(table, columns, UnaryOperator.identity());
    }

    /** One hand-written statement per row (an UPDATE, a DELETE, an INSERT … SELECT), its parameters {@code ?}. */
    static <R> Statement<R> statement(String table, Function<R, String> sql, Function<R, List<?>> parameters) {
        return new Statement<>(table, sql, parameters, null, null);
    }

    final class Insert<R> implements RowKind<R> {

        private final String table;
        private final List<Column<R>> columns;
        private final UnaryOperator<RuntimeException> failure;
        private final String names;
        private final String valuesRow;

        private Insert(String table, List<Column<R>> columns, UnaryOperator<RuntimeException> failure) {
            this.table = table;
            this.columns = List.copyOf(columns);
            this.failure = failure;
            this.names = this.columns.stream().map(Column::name).collect(Collectors.joining(", "));
            this.valuesRow = this.columns.stream().map(column -> "CAST(? AS " + column.type() + ")")
                    .collect(Collectors.joining(", ", "(", ")"));
        }

        /** The same insert, whose round trips' failures are read by the function given. */
        public Insert<R> failing(UnaryOperator<RuntimeException> meaning) {
            return new Insert<>(table, columns, meaning);
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public RuntimeException failed(RuntimeException failure) {
            return this.failure.apply(failure);
        }

        List<Column<R>> columns() {
            return columns;
        }

        String copySql() {
            return "COPY " + table + " (" + names + ") FROM STDIN";
        }

        /** One INSERT of that many rows. */
        String sql(int rows) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(names)
                    .append(") VALUES ");
            for (int i = 0; i < rows; i++) {
                sql.append(i == 0 ? "" : ", ").append(valuesRow);
            }
            return sql.toString();
        }

        List<Object> values(R row) {
            List<Object> values = new ArrayList<>(columns.size());
            columns.forEach(column -> values.add(column.value().apply(row)));
            return values;
        }
    }

    final class Statement<R> implements RowKind<R> {

        private final String table;
        private final Function<R, String> sql;
        private final Function<R, List<?>> parameters;
        private final Function<R, ?> key;
        private final BinaryOperator<R> merge;

        private Statement(String table, Function<R, String> sql, Function<R, List<?>> parameters, Function<R, ?> key,
                          BinaryOperator<R> merge) {
            this.table = table;
            this.sql = sql;
            this.parameters = parameters;
            this.key = key;
            this.merge = merge;
        }

        /**
         * The same statement, of which a transaction sends one per key: a row whose key is already waiting is
         * merged into the waiting one, in its place.
         */
        public Statement<R> merging(Function<R, ?> key, BinaryOperator<R> merge) {
            return new Statement<>(table, sql, parameters, key, merge);
        }

        @Override
        public String table() {
            return table;
        }

        @Override
        public RuntimeException failed(RuntimeException failure) {
            return failure;
        }

        String sql(R row) {
            return sql.apply(row);
        }

        List<?> parameters(R row) {
            return parameters.apply(row);
        }

        Optional<Object> key(R row) {
            return key == null ? Optional.empty() : Optional.of(key.apply(row));
        }

        R merge(R waiting, R row) {
            return merge.apply(waiting, row);
        }
    }
}
