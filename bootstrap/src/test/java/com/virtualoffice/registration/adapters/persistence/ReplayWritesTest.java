package com.virtualoffice.registration.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.support.ServiceTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the row writer sends, on the real PostgreSQL: the same rows live (many statements in one round trip) and in
 * a replay (COPY of the declared columns).
 */
class ReplayWritesTest extends ServiceTest {

    private static final String TABLE = """
            (id UUID PRIMARY KEY, name TEXT NOT NULL, company TEXT, body JSONB, count BIGINT, at TIMESTAMPTZ,
             kind INTEGER, search TEXT GENERATED ALWAYS AS (name || '/' || coalesce(company, '')) STORED)
            """;

    /** A row of the scratch tables; kind is a constant column. */
    private record Scratch(UUID id, String name, String company, String body, Long count, OffsetDateTime at) {
    }

    private record Increment(UUID id) {
    }

    private static RowKind.Insert<Scratch> into(String table) {
        return RowKind.insert(table, List.of(
                RowKind.column("id", "uuid", Scratch::id),
                RowKind.column("name", "text", Scratch::name),
                RowKind.column("company", "text", Scratch::company),
                RowKind.column("body", "jsonb", Scratch::body),
                RowKind.column("count", "bigint", Scratch::count),
                RowKind.column("at", "timestamptz", Scratch::at),
                RowKind.column("kind", "integer", row -> 3)));
    }

    private static final RowKind.Insert<Scratch> COPIED = into("copied");
    private static final RowKind.Insert<Scratch> INSERTED = into("inserted");
    private static final RowKind.Statement<Increment> INCREMENTS = RowKind.statement("copied",
            row -> "UPDATE copied SET count = count + 1 WHERE id = ?", row -> List.of(row.id()));

    @Autowired
    private RowWriter writes;

    @Autowired
    private TransactionTemplate transaction;

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void tables() {
        jdbc.sql("CREATE TABLE copied " + TABLE).update();
        jdbc.sql("CREATE TABLE inserted " + TABLE).update();
    }

    @AfterEach
    void dropTables() {
        jdbc.sql("DROP TABLE IF EXISTS copied, inserted").update();
    }

    @Test
    void rows_copied_in_a_replay_transaction_equal_the_rows_the_same_inserts_store() {
        List<Scratch> rows = List.of(
                new Scratch(UUID.randomUUID(), "tab\tnew line\nback\\slash", "Müller & Söhne",
                        "{\"city\": \"Wien\", \"street\": \"a\\tb\"}", 7L,
                        Instant.parse("2026-01-02T03:04:05.678Z").atOffset(ZoneOffset.UTC)),
                new Scratch(UUID.randomUUID(), "Ada", null, null, null, null));

        transaction.executeWithoutResult(status -> {
            writes.copyInserts();
            rows.forEach(row -> writes.add(COPIED, row));
        });
        transaction.executeWithoutResult(status -> rows.forEach(row -> writes.add(INSERTED, row)));

        assertThat(contents("copied")).hasSize(2).isEqualTo(contents("inserted"));
    }

    @Test
    void later_statements_of_the_transaction_see_the_copied_rows() {
        UUID id = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            writes.copyInserts();
            writes.add(COPIED, new Scratch(id, "Ada", null, null, 1L, null));
            writes.add(INCREMENTS, new Increment(id));
        });

        assertThat(jdbc.sql("SELECT count FROM copied WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void a_duplicate_among_the_copied_rows_fails_the_transaction_and_leaves_nothing() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            writes.copyInserts();
            writes.add(COPIED, new Scratch(UUID.randomUUID(), "first", null, null, null, null));
            writes.add(COPIED, new Scratch(id, "Ada", null, null, null, null));
            writes.add(COPIED, new Scratch(id, "Ada again", null, null, null, null));
        })).hasMessageContaining("copied_pkey");

        assertThat(contents("copied")).isEmpty();
    }

    private List<String> contents(String table) {
        return jdbc.sql("SELECT t::text FROM (SELECT * FROM " + table + ") t ORDER BY id").query(String.class).list();
    }
}
