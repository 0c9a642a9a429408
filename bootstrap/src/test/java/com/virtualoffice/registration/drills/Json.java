package com.virtualoffice.registration.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * JSON text written by hand, so that the drill can send what no mapper would write: duplicate keys, lone
 * surrogates, numbers no type can hold.
 */
final class Json {

    private Json() {
    }

    /** An object as an ordered list of members, each value already JSON text. */
    static final class Obj {
        private final List<String[]> members = new ArrayList<>();

        static Obj of(String... namesAndStrings) {
            Obj object = new Obj();
            for (int i = 0; i < namesAndStrings.length; i += 2) {
                object.put(namesAndStrings[i], string(namesAndStrings[i + 1]));
            }
            return object;
        }

        /** Sets a member, in place if it is there. */
        void put(String name, String json) {
            for (String[] member : members) {
                if (member[0].equals(name)) {
                    member[1] = json;
                    return;
                }
            }
            members.add(new String[] {name, json});
        }

        /** Adds a member even if one of that name is there: a duplicate key. */
        void add(String name, String json) {
            members.add(new String[] {name, json});
        }

        void remove(String name) {
            members.removeIf(member -> member[0].equals(name));
        }

        boolean isEmpty() {
            return members.isEmpty();
        }

        String render() {
            StringBuilder json = new StringBuilder("{");
            for (String[] member : members) {
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append(string(member[0])).append(':').append(member[1]);
            }
            return json.append('}').toString();
        }
    }

    /**
     * A JSON string. Control characters and surrogates that are not part of a pair are written as {@code \\u}
     * escapes, so that lone surrogates reach the parser, which is the only way to send them.
     */
    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pairedHigh) {
                json.append(c).append(text.charAt(++i));
            } else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "3.14", "1e308", "1e309", "-1e309", "1E-400",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "0.1e1", "4.9e-324", "2147483648", "100", "101"};

    /** Any JSON value; at the top level of a body also the scalars a body must not be. */
    static String randomValue(Random r, int depth, boolean topLevel) {
        int kind = r.nextInt(depth > 3 ? 6 : 10);
        return switch (kind) {
            case 0 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> "null";
            case 3 -> string(text(r, r.nextInt(20)));
            case 4 -> Integer.toString(r.nextInt());
            case 5 -> Double.toString(r.nextGaussian() * 1e6);
            case 6 -> {
                int size = r.nextInt(4);
                List<String> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(randomValue(r, depth + 1, false));
                }
                yield "[" + String.join(",", items) + "]";
            }
            case 7 -> {
                Obj object = new Obj();
                int size = r.nextInt(4);
                for (int i = 0; i < size; i++) {
                    object.put(r.nextBoolean() ? "street" : text(r, 1 + r.nextInt(8)),
                            randomValue(r, depth + 1, false));
                }
                yield object.render();
            }
            case 8 -> "\"" + "9".repeat(1 + r.nextInt(3)) + "\"";
            default -> topLevel ? (r.nextBoolean() ? "[]" : "\"\"") : "{}";
        };
    }

    private static final int[][] RANGES = {
            {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {' ', '~'}, {0xC0, 0xFF}, {0x100, 0x17F}, {0x370, 0x3FF},
            {0x400, 0x4FF}, {0x590, 0x5FF}, {0x600, 0x6FF}, {0x4E00, 0x4E80}, {0x1F600, 0x1F64F},
            {0x1F300, 0x1F5FF}, {0x1F900, 0x1F9FF}, {0x300, 0x36F}, {0x200B, 0x200F}, {0x202A, 0x202E},
            {0x2028, 0x2029}, {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFF}, {0x10000, 0x1000F}, {0x10FFF0, 0x10FFFF},
            {0x0, 0x1F}, {0x7F, 0x9F}, {0xD800, 0xDFFF}};

    /** {@code codePoints} code points from all over Unicode, control characters and lone surrogates included. */
    static String text(Random r, int codePoints) {
        StringBuilder text = new StringBuilder();
        int[] range = RANGES[r.nextInt(RANGES.length)];
        for (int i = 0; i < codePoints; i++) {
            if (r.nextInt(8) == 0) {
                range = RANGES[r.nextInt(RANGES.length)];
            }
            // Mostly plain letters, so that names pass validation and get stored.
            int[] from = r.nextInt(3) == 0 ? range : RANGES[0];
            int codePoint = from[0] + r.nextInt(from[1] - from[0] + 1);
            if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
                text.append((char) codePoint);
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }
}
