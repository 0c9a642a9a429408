package com.virtualoffice.registration.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

class InsertAsCopyTest {

    private static final String INSERT = """
            INSERT INTO things (id, name, body, count, at, flag, kind)
            VALUES (:id, :name, CAST(:body AS JSONB), :count, :at, :flag, 0)
            """;

    @Test
    void a_plain_insert_of_named_parameters_becomes_a_copy_of_its_columns() {
        InsertAsCopy copy = InsertAsCopy.of(INSERT).orElseThrow();

        assertThat(copy.copySql()).isEqualTo("COPY things (id, name, body, count, at, flag, kind) FROM STDIN");
    }

    @Test
    void each_row_becomes_one_line_of_the_text_format_with_its_specials_escaped() {
        InsertAsCopy copy = InsertAsCopy.of(INSERT).orElseThrow();
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("name", "tab\there\nnew line\r\\ back")
                .addValue("body", "{\"city\":\"Müller\"}")
                .addValue("count", 42L)
                .addValue("at", Instant.parse("2026-01-02T03:04:00Z").atOffset(ZoneOffset.UTC))
                .addValue("flag", true);
        MapSqlParameterSource nulls = new MapSqlParameterSource()
                .addValue("id", id).addValue("name", null).addValue("body", null).addValue("count", null)
                .addValue("at", null).addValue("flag", false);
        StringBuilder text = new StringBuilder();

        copy.write(row, text);
        copy.write(nulls, text);

        assertThat(text.toString()).isEqualTo(
                id + "\ttab\\there\\nnew line\\r\\\\ back\t{\"city\":\"Müller\"}\t42\t2026-01-02T03:04:00Z\tt\t0\n"
                        + id + "\t\\N\t\\N\t\\N\t\\N\tf\t0\n");
    }

    @Test
    void a_row_lacking_a_parameter_or_holding_a_value_of_an_unknown_type_fails() {
        InsertAsCopy copy = InsertAsCopy.of("INSERT INTO things (id, name) VALUES (:id, :name)").orElseThrow();

        assertThatThrownBy(() -> copy.write(new MapSqlParameterSource("id", UUID.randomUUID()), new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> copy.write(new MapSqlParameterSource("id", UUID.randomUUID())
                .addValue("name", List.of()), new StringBuilder()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no COPY text");
    }

    @Test
    void statements_a_copy_cannot_stand_for_are_left_alone() {
        assertThat(InsertAsCopy.of("UPDATE things SET name = :name WHERE id = :id")).isEmpty();
        assertThat(InsertAsCopy.of("INSERT INTO things (id) VALUES (:id) ON CONFLICT DO NOTHING")).isEmpty();
        assertThat(InsertAsCopy.of("INSERT INTO things (id, at) VALUES (:id, now())")).isEmpty();
        assertThat(InsertAsCopy.of("INSERT INTO things (id) SELECT id FROM others")).isEmpty();
        assertThat(InsertAsCopy.of("INSERT INTO things (id, name) VALUES (:id)")).isEmpty();
    }
}
