package com.virtualoffice.registration.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.support.ServiceTest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** What a replay writes with COPY and builds after its bulk, on the real PostgreSQL. */
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

    @Autowired
    private DataSource dataSource;

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

    @Test
    void indexes_are_built_side_by_side_and_a_duplicate_fails_the_build_naming_the_statement() {
        transaction.executeWithoutResult(status -> {
            writes.copyInserts();
            for (int i = 0; i < 100; i++) {
                insert("copied", new Object[] {UUID.randomUUID(), "n" + i, i < 2 ? "same" : "c" + i, null, null,
                        null});
            }
        });
        IndexBuilds builds = new IndexBuilds(dataSource, 2, "64MB");

        builds.run(List.of("CREATE INDEX copied_search_idx ON copied USING gin (search gin_trgm_ops)",
                "CREATE INDEX copied_name_idx ON copied (name)",
                "ALTER TABLE copied ADD CONSTRAINT copied_count_key UNIQUE (count)"));
        assertThatThrownBy(() -> builds.run(List.of("CREATE UNIQUE INDEX copied_company_key ON copied (company)")))
                .hasMessageContaining("copied_company_key");

        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'copied' ORDER BY 1")
                .query(String.class).list())
                .containsExactly("copied_count_key", "copied_name_idx", "copied_pkey", "copied_search_idx");
    }

    @Test
    void two_connections_run_two_statements_at_once() {
        long started = System.nanoTime();

        new IndexBuilds(dataSource, 2, "64MB").run(List.of("SELECT pg_sleep(1)", "SELECT pg_sleep(1)"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1900));
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
