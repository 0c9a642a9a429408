package com.virtualoffice.registration.adapters.persistence;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A projection's INSERT of one row, written instead as a line of a {@code COPY ... FROM STDIN} in PostgreSQL's
 * text format, so that many such rows go in as one stream. A replay sends a thousand rows per table and chunk:
 * as INSERTs each is bound, parsed and planned on its own; a COPY parses each value once, by the column's own
 * input function, which is also what {@code CAST(:value AS <the column's type>)} does with the text bound.
 *
 * <p>Only the plain form is understood: {@code INSERT INTO table (columns) VALUES (values)}, each value a named
 * parameter, a parameter cast to the column's type, or a whole number. Anything else (ON CONFLICT, RETURNING,
 * expressions) is not an INSERT a COPY can stand for, and {@link #of} says so.
 */
final class InsertAsCopy {

    private static final Pattern INSERT = Pattern.compile(
            "^\\s*INSERT\\s+INTO\\s+(\\w+)\\s*\\(([^()]*)\\)\\s*VALUES\\s*\\((.*)\\)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");
    private static final Pattern CAST_PARAMETER =
            Pattern.compile("CAST\\s*\\(\\s*:(\\w+)\\s+AS\\s+\\w+\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    private static final String NULL = "\\N";
    /** Always with seconds and the offset, which PostgreSQL reads back to the same instant. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** The SQL texts of the projections are constants: each is parsed once. */
    private static final Map<String, Optional<InsertAsCopy>> PARSED = new ConcurrentHashMap<>();

    /** Per column, a parameter's name, or else the constant text of the value. */
    private sealed interface Value {
    }

    private record Named(String name) implements Value {
    }

    private record Constant(String text) implements Value {
    }

    private final String copySql;
    private final List<Value> values;

    private InsertAsCopy(String copySql, List<Value> values) {
        this.copySql = copySql;
        this.values = values;
    }

    /** The COPY that inserts the rows of this INSERT, or empty when it is not a plain INSERT of one row. */
    static Optional<InsertAsCopy> of(String insert) {
        return PARSED.computeIfAbsent(insert, InsertAsCopy::parse);
    }

    private static Optional<InsertAsCopy> parse(String insert) {
        Matcher statement = INSERT.matcher(insert);
        if (!statement.matches()) {
            return Optional.empty();
        }
        String[] columns = statement.group(2).split(",");
        String[] texts = statement.group(3).split(",");
        if (columns.length != texts.length) {
            return Optional.empty();
        }
        List<Value> values = new ArrayList<>();
        for (String text : texts) {
            String value = text.strip();
            Matcher parameter = PARAMETER.matcher(value);
            Matcher cast = CAST_PARAMETER.matcher(value);
            if (parameter.matches()) {
                values.add(new Named(parameter.group(1)));
            } else if (cast.matches()) {
                values.add(new Named(cast.group(1)));
            } else if (WHOLE_NUMBER.matcher(value).matches()) {
                values.add(new Constant(value));
            } else {
                return Optional.empty();
            }
        }
        List<String> names = new ArrayList<>();
        for (String column : columns) {
            names.add(column.strip());
        }
        return Optional.of(new InsertAsCopy(
                "COPY " + statement.group(1) + " (" + String.join(", ", names) + ") FROM STDIN", values));
    }

    String copySql() {
        return copySql;
    }

    /**
     * Appends the row as one line of the text format. A value of a type with no text form here fails the
     * statement's transaction, as binding it would have: the replay tests write every projection's INSERTs.
     */
    void write(MapSqlParameterSource row, StringBuilder out) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            switch (values.get(i)) {
                case Constant(String text) -> out.append(text);
                case Named(String name) -> writeValue(row.getValue(name), out);
            }
        }
        out.append('\n');
    }

    private static void writeValue(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append(NULL);
            case CharSequence text -> escape(text, out);
            case OffsetDateTime timestamp -> TIMESTAMP.formatTo(timestamp, out);
            case Boolean flag -> out.append(flag ? 't' : 'f');
            case UUID id -> out.append(id);
            case Number number -> out.append(number);
            default -> throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }

    /** The text format's escapes: the backslash, and the characters that end a value or a row. */
    private static void escape(CharSequence text, StringBuilder out) {
        if (!needsEscape(text)) {
            // Nearly every value: appended whole, not character by character.
            out.append(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static boolean needsEscape(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
