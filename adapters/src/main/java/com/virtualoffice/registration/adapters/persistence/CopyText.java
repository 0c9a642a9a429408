package com.virtualoffice.registration.adapters.persistence;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;

/** Values as PostgreSQL's COPY text format writes them: each column's input function reads them back. */
final class CopyText {

    private static final String NULL = "\\N";
    /** Always with seconds and the offset, which PostgreSQL reads back to the same instant. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private CopyText() {
    }

    /** A value of a type with no text form here fails the row's transaction, as binding it would have. */
    static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append(NULL);
            case CharSequence text -> escape(text, out);
            case OffsetDateTime timestamp -> TIMESTAMP.formatTo(timestamp, out);
            case Boolean flag -> out.append(flag ? 't' : 'f');
            case UUID id -> out.append(id);
            case Number number -> out.append(number);
            // bytea's hex form, its backslash escaped for the text format
            case byte[] bytes -> out.append("\\\\x").append(HexFormat.of().formatHex(bytes));
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
