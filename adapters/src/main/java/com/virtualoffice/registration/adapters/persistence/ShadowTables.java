package com.virtualoffice.registration.adapters.persistence;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies of a projection's live tables in a schema of their own, which a replay fills and which then take the live
 * tables' place (or are compared with them). The projections name tables without a schema, so a
 * {@code search_path} switch points them at the copies.
 *
 * <p>The copies carry the live tables' constraints and indexes under the same names, so that after the swap
 * nothing tells them apart. Only those the projections' statements need exist while the bulk of the events goes
 * in; the others are built once it is in, from all the rows at once, which costs a fraction of keeping them up row
 * by row.
 */
final class ShadowTables {

    private static final Logger log = LoggerFactory.getLogger(ShadowTables.class);

    static final String SCHEMA = "read_model_rebuild";

    private final String live;
    private final List<String> tables;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    /** @param live the schema of the live tables */
    ShadowTables(String live, List<String> tables, JdbcClient jdbc, TransactionTemplate transaction) {
        this.live = live;
        this.tables = List.copyOf(tables);
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    String live() {
        return live;
    }

    /** The live tables, schema-qualified, e.g. for a LOCK. */
    String liveTables() {
        return String.join(", ", tables.stream().map(table -> live + "." + table).toList());
    }

    /** Empty copies with the live tables' columns, and of their keys and indexes those the replay needs. */
    void create() {
        transaction.executeWithoutResult(status -> {
            // Only when missing: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas even when it exists,
            // and a role that owns only its schemas (docs/operations.md) has it made for it instead.
            if (jdbc.sql("SELECT to_regnamespace(:schema) IS NULL").param("schema", SCHEMA)
                    .query(Boolean.class).single()) {
                jdbc.sql("CREATE SCHEMA " + SCHEMA).update();
            }
            for (String table : tables) {
                String copy = SCHEMA + "." + table;
                jdbc.sql("DROP TABLE IF EXISTS " + copy).update();
                jdbc.sql("CREATE TABLE " + copy + " (LIKE " + live + "." + table
                        + " INCLUDING ALL EXCLUDING INDEXES)").update();
                keysAndIndexes(table).stream().filter(KeyOrIndex::neededWhileReplaying)
                        .forEach(keyOrIndex -> jdbc.sql(keyOrIndex.on(live, table, SCHEMA)).update());
            }
        });
    }

    /** After the bulk: the keys and indexes left for later, and fresh statistics for the planner. */
    void complete() {
        transaction.executeWithoutResult(status -> {
            for (String table : tables) {
                keysAndIndexes(table).stream().filter(keyOrIndex -> !keyOrIndex.neededWhileReplaying())
                        .forEach(keyOrIndex -> jdbc.sql(keyOrIndex.on(live, table, SCHEMA)).update());
            }
        });
        tables.forEach(table -> jdbc.sql("ANALYZE " + SCHEMA + "." + table).update());
    }

    /** The live table's primary key, unique constraints and other indexes. */
    private List<KeyOrIndex> keysAndIndexes(String table) {
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
                .param("table", live + "." + table)
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

    void drop() {
        try {
            transaction.executeWithoutResult(status -> tables.forEach(table ->
                    jdbc.sql("DROP TABLE IF EXISTS " + SCHEMA + "." + table).update()));
        } catch (RuntimeException failure) {
            log.warn("could not drop the rebuild tables in schema {}: {}", SCHEMA, failure.toString());
        }
    }

    /** Only within the current transaction: the projections' table names now mean the copies. */
    void use() {
        jdbc.sql("SET LOCAL search_path TO " + SCHEMA + ", " + live).update();
    }

    /**
     * The rebuilt table takes the live one's place, with its name and its indexes' names. Dropping the live table
     * waits for the readers still on it and holds new ones back for the moment the swap takes; the rows are not
     * copied, which on a large table would hold the writers for as long as rebuilding its indexes.
     */
    void swapIn() {
        tables.forEach(this::swapIn);
    }

    private void swapIn(String table) {
        jdbc.sql("DROP TABLE " + live + "." + table).update();
        jdbc.sql("ALTER TABLE " + SCHEMA + "." + table + " SET SCHEMA " + live).update();
    }
}
