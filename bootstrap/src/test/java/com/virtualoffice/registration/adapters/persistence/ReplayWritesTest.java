package com.virtualoffice.registration.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.support.ServiceTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What a replay writes with COPY, on the real PostgreSQL. */
class ReplayWritesTest extends ServiceTest {

    private static final String TABLE = """
            (id UUID PRIMARY KEY, name TEXT NOT NULL, company TEXT, body JSONB, count BIGINT, at TIMESTAMPTZ,
             kind INTEGER, search TEXT GENERATED ALWAYS AS (name || '/' || coalesce(company, '')) STORED)
            """;

    @Autowired
    private ProjectionWrites writes;

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
        List<Object[]> rows = List.of(
                new Object[] {UUID.randomUUID(), "tab\tnew line\nback\\slash", "Müller & Söhne",
                        "{\"city\": \"Wien\", \"street\": \"a\\tb\"}", 7L,
                        Instant.parse("2026-01-02T03:04:05.678Z").atOffset(ZoneOffset.UTC)},
                new Object[] {UUID.randomUUID(), "Ada", null, null, null, null});

        transaction.executeWithoutResult(status -> {
            writes.copyInserts();
            rows.forEach(row -> insert("copied", row));
        });
        transaction.executeWithoutResult(status -> rows.forEach(row -> insert("inserted", row)));

        assertThat(contents("copied")).hasSize(2).isEqualTo(contents("inserted"));
    }

    @Test
    void later_statements_of_the_transaction_see_the_copied_rows() {
        UUID id = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            writes.copyInserts();
            insert("copied", new Object[] {id, "Ada", null, null, 1L, null});
            writes.sql("UPDATE copied SET count = count + 1 WHERE id = :id").param("id", id).update();
        });

        assertThat(jdbc.sql("SELECT count FROM copied WHERE id = :id").param("id", id).query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void a_duplicate_among_the_copied_rows_fails_the_transaction_and_leaves_nothing() {
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            writes.copyInserts();
            insert("copied", new Object[] {UUID.randomUUID(), "first", null, null, null, null});
            insert("copied", new Object[] {id, "Ada", null, null, null, null});
            insert("copied", new Object[] {id, "Ada again", null, null, null, null});
        })).hasMessageContaining("copied_pkey");

        assertThat(contents("copied")).isEmpty();
    }

    private void insert(String table, Object[] row) {
        writes.sql("INSERT INTO " + table + " (id, name, company, body, count, at, kind)"
                        + " VALUES (:id, :name, :company, CAST(:body AS JSONB), :count, :at, 3)")
                .param("id", row[0]).param("name", row[1]).param("company", row[2]).param("body", row[3])
                .param("count", row[4]).param("at", row[5])
                .update();
    }

    private List<String> contents(String table) {
        return jdbc.sql("SELECT t::text FROM (SELECT * FROM " + table + ") t ORDER BY id").query(String.class).list();
    }
}
