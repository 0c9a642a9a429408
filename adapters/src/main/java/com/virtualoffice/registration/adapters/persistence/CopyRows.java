package com.virtualoffice.registration.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Sends rows of one kind as one COPY of its declared columns, on the connection of the current transaction. The text goes out in
 * pieces while the rest is still being written, so PostgreSQL inserts the first rows meanwhile instead of
 * waiting for all of them.
 */
final class CopyRows {

    /** Characters per piece: a few socket buffers' worth, small beside a chunk's rows, large beside a row. */
    private static final int PIECE = 64 * 1024;

    private final JdbcOperations jdbc;

    CopyRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    <R> void copy(RowKind.Insert<R> insert, List<R> rows) {
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(insert.copySql());
            try {
                StringBuilder text = new StringBuilder(PIECE + PIECE / 4);
                List<RowKind.Column<R>> columns = insert.columns();
                for (R row : rows) {
                    for (int i = 0; i < columns.size(); i++) {
                        text.append(i == 0 ? "" : "\t");
                        CopyText.write(columns.get(i).value().apply(row), text);
                    }
                    text.append('\n');
                    if (text.length() >= PIECE) {
                        send(copy, text);
                    }
                }
                send(copy, text);
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        if (copied == null || copied != rows.size()) {
            throw new IllegalStateException(insert.copySql() + " copied " + copied + " rows of " + rows.size());
        }
    }

    private static void send(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }
}
