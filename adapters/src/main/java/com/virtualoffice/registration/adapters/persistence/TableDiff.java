package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.application.projections.ReadModels.TableDifference;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a verification reports: the rows a rebuilt table and its live table do not share, both ways. */
final class TableDiff {

    private static final int SAMPLE_IDS = 5;

    private TableDiff() {
    }

    static TableDifference compare(JdbcClient jdbc, String live, String table) {
        List<String> columns = storedColumns(jdbc, live, table);
        String select = String.join(", ", columns);
        String key = columns.getFirst();
        String missing = "SELECT " + select + " FROM " + ShadowTables.SCHEMA + "." + table
                + " EXCEPT ALL SELECT " + select + " FROM " + live + "." + table;
        String unexpected = "SELECT " + select + " FROM " + live + "." + table
                + " EXCEPT ALL SELECT " + select + " FROM " + ShadowTables.SCHEMA + "." + table;
        long missingRows = jdbc.sql("SELECT count(*) FROM (" + missing + ") d").query(Long.class).single();
        long unexpectedRows = jdbc.sql("SELECT count(*) FROM (" + unexpected + ") d").query(Long.class).single();
        List<String> samples = jdbc.sql("SELECT DISTINCT " + key + "::text FROM ((" + missing + ") UNION ALL ("
                        + unexpected + ")) d ORDER BY 1 LIMIT " + SAMPLE_IDS)
                .query(String.class).list();
        return new TableDifference(table, missingRows, unexpectedRows, samples);
    }

    /** The columns that hold data, in table order; generated columns follow from them. */
    private static List<String> storedColumns(JdbcClient jdbc, String schema, String table) {
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
}
