package com.virtualoffice.registration.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The data of every table of the service's schema as {@code pg_dump --data-only} writes it: each table's rows as
 * {@code COPY … TO STDOUT} gives them (text, bytea as {@code \x} and hex). A {@code pg_dump} of the server's major
 * version on the PATH is used instead where there is one; the embedded server is newer than Debian's, so most
 * runs copy table by table. A test searches the dump for a value as text and as the hex of its UTF-8 bytes.
 */
public final class DatabaseDump {

    private static final Pattern MAJOR = Pattern.compile("(\\d+)");

    /** Each table's data, by its name. */
    private final Map<String, String> tables;

    private DatabaseDump(Map<String, String> tables) {
        this.tables = tables;
    }

    public static DatabaseDump of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, String> tables = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            String schema;
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT current_schema()")) {
                rows.next();
                schema = rows.getString(1);
            }
            try (var statement = connection.prepareStatement(
                    "SELECT tablename FROM pg_tables WHERE schemaname = ? ORDER BY tablename")) {
                statement.setString(1, schema);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
            }
            String pgDump = pgDumpOfServerVersion(connection);
            if (pgDump != null) {
                return new DatabaseDump(byTable(pgDump));
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String name : names) {
                StringWriter data = new StringWriter();
                copy.copyOut("COPY " + schema + "." + name + " TO STDOUT", data);
                tables.put(name, data.toString());
            }
            return new DatabaseDump(tables);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not dump the database", e);
        }
    }

    /** pg_dump's output cut at its {@code COPY <schema>.<table> (…) FROM stdin;} lines, by table. */
    private static Map<String, String> byTable(String dump) {
        Map<String, String> tables = new LinkedHashMap<>();
        String table = null;
        StringBuilder data = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            if (table == null && line.startsWith("COPY ")) {
                String name = line.substring("COPY ".length()).split("[ (]")[0];
                table = name.substring(name.indexOf('.') + 1).replace("\"", "");
            } else if (table != null && line.equals("\\.")) {
                tables.put(table, data.toString());
                table = null;
                data.setLength(0);
            } else if (table != null) {
                data.append(line).append('\n');
            }
        }
        return tables;
    }

    /** The tables dumped. */
    public List<String> tables() {
        return List.copyOf(tables.keySet());
    }

    /**
     * The tables whose data holds the value, as text or as the lower-case hex of its UTF-8 bytes (bytea), both
     * ignoring letter case where the value has any.
     */
    public List<String> tablesHolding(String value) {
        String text = value.toLowerCase(java.util.Locale.ROOT);
        String hex = HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8));
        return tables.entrySet().stream()
                .filter(table -> {
                    String data = table.getValue().toLowerCase(java.util.Locale.ROOT);
                    return data.contains(text) || data.contains(hex);
                })
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The whole dump of a table, e.g. to show what a search found. */
    public String of(String table) {
        return tables.get(table);
    }

    /** pg_dump's output when one of the server's major version is on the PATH; {@code null} otherwise. */
    private static String pgDumpOfServerVersion(Connection connection) throws SQLException {
        int server = connection.getMetaData().getDatabaseMajorVersion();
        try {
            Process version = new ProcessBuilder("pg_dump", "--version").redirectErrorStream(true).start();
            String answer = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor(30, TimeUnit.SECONDS);
            Matcher major = MAJOR.matcher(answer.replaceFirst("^[^0-9]*", ""));
            if (!major.lookingAt() || Integer.parseInt(major.group(1)) != server) {
                return null;
            }
            var url = java.net.URI.create(connection.getMetaData().getURL().substring("jdbc:".length()));
            Process dump = new ProcessBuilder("pg_dump", "--data-only", "--host", url.getHost(),
                    "--port", String.valueOf(url.getPort()), "--username", connection.getMetaData().getUserName(),
                    "--dbname", url.getPath().substring(1), "--no-password").start();
            String data = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!dump.waitFor(120, TimeUnit.SECONDS) || dump.exitValue() != 0) {
                throw new IllegalStateException("pg_dump failed: "
                        + new String(dump.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            return data;
        } catch (IOException noPgDump) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while dumping", e));
        }
    }
}
