package com.virtualoffice.registration.adapters.privacy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The top-level members of a JSON object, found by one scan of its bytes: to split them in two by their names,
 * copying each member's bytes as they are, and to find a few string members of a stored event. Hand-written for
 * speed: a parser and two generators per event took Jackson's shared buffer pool three times per create, which was
 * most of what the split cost beyond the plain event, and a replay parsed each stored event twice more to find its
 * customer (bench/reports/sealing-cost.md). It reads what Jackson writes for the events' records: member names
 * without escapes, which are compared as their bytes.
 */
final class JsonMembers {

    /** The object's members whose names {@code chosen} holds, and the others, each as a JSON object. */
    record Split(byte[] chosen, byte[] others) {
    }

    /** Sees each top-level member as offsets: its name with its quotes, and its value. */
    @FunctionalInterface
    interface Visitor {
        void member(int nameStart, int nameEnd, int valueStart, int valueEnd);
    }

    private final List<byte[]> names;

    JsonMembers(List<String> names) {
        this.names = names.stream().map(JsonMembers::quoted).toList();
    }

    /** A member's name as it stands in the JSON, quotes included. */
    static byte[] quoted(String name) {
        return ('"' + name + '"').getBytes(StandardCharsets.UTF_8);
    }

    Split split(byte[] json) {
        ByteArrayOutputStream chosen = new ByteArrayOutputStream(json.length);
        ByteArrayOutputStream others = new ByteArrayOutputStream(json.length);
        chosen.write('{');
        others.write('{');
        forEach(json, (nameStart, nameEnd, valueStart, valueEnd) -> {
            ByteArrayOutputStream out = isChosen(json, nameStart, nameEnd) ? chosen : others;
            if (out.size() > 1) {
                out.write(',');
            }
            out.write(json, nameStart, valueEnd - nameStart);
        });
        chosen.write('}');
        others.write('}');
        return new Split(chosen.toByteArray(), others.toByteArray());
    }

    /** Each top-level member of the object, in order. */
    static void forEach(byte[] json, Visitor visitor) {
        int at = skipWhitespace(json, 0);
        expect(json, at, '{');
        at = skipWhitespace(json, at + 1);
        if (json[at] == '}') {
            return;
        }
        while (true) {
            int nameStart = at;
            int nameEnd = endOfString(json, nameStart);
            at = skipWhitespace(json, nameEnd);
            expect(json, at, ':');
            int valueStart = skipWhitespace(json, at + 1);
            int valueEnd = endOfValue(json, valueStart);
            visitor.member(nameStart, nameEnd, valueStart, valueEnd);
            at = skipWhitespace(json, valueEnd);
            if (json[at] == '}') {
                return;
            }
            expect(json, at, ',');
            at = skipWhitespace(json, at + 1);
        }
    }

    /** Whether the name between those offsets, quotes included, is {@code quotedName}. */
    static boolean named(byte[] json, int nameStart, int nameEnd, byte[] quotedName) {
        return Arrays.equals(json, nameStart, nameEnd, quotedName, 0, quotedName.length);
    }

    private boolean isChosen(byte[] json, int nameStart, int nameEnd) {
        for (byte[] name : names) {
            if (named(json, nameStart, nameEnd, name)) {
                return true;
            }
        }
        return false;
    }

    /** The offset after the string that starts at {@code start}. */
    private static int endOfString(byte[] json, int start) {
        expect(json, start, '"');
        for (int at = start + 1; at < json.length; at++) {
            if (json[at] == '\\') {
                at++;
            } else if (json[at] == '"') {
                return at + 1;
            }
        }
        throw malformed("ends inside a string");
    }

    /** The offset after the value that starts at {@code start}: a string, an object, an array or a scalar. */
    private static int endOfValue(byte[] json, int start) {
        int depth = 0;
        int at = start;
        while (at < json.length) {
            byte next = json[at];
            if (next == '"') {
                at = endOfString(json, at);
                if (depth == 0) {
                    return at;
                }
                continue;
            }
            if (next == '{' || next == '[') {
                depth++;
            } else if (next == '}' || next == ']') {
                if (depth == 0) {
                    return at;
                }
                if (--depth == 0) {
                    return at + 1;
                }
            } else if (depth == 0 && (next == ',' || isWhitespace(next))) {
                return at;
            }
            at++;
        }
        throw malformed("ends inside a value");
    }

    private static int skipWhitespace(byte[] json, int from) {
        int at = from;
        while (at < json.length && isWhitespace(json[at])) {
            at++;
        }
        if (at == json.length) {
            throw malformed("ends early");
        }
        return at;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static void expect(byte[] json, int at, char wanted) {
        if (at >= json.length || json[at] != wanted) {
            throw malformed("has no '" + wanted + "' where one belongs");
        }
    }

    private static IllegalStateException malformed(String what) {
        return new IllegalStateException("a customer event's JSON " + what);
    }
}
