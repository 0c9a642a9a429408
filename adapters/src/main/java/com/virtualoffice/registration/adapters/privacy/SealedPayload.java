package com.virtualoffice.registration.adapters.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * A stored sealed event as JSON bytes, read by one scan of its top-level members ({@link JsonMembers}): the ids its
 * associated data names, the sealed value, and where the {@code "sealed"} member lies, so that the opened personal
 * fields are spliced in its place and the event is decoded from bytes like any plain one. Hand-written for speed:
 * building a tree of the event, merging the fields into it and decoding the tree cost a customer replay a quarter
 * of its rate.
 *
 * @param json the stored event
 * @param sealedText the sealed value as stored, in base64: decoded only by who opens it
 * @param memberStart offset of the {@code "sealed"} member's name
 * @param memberEnd offset just after its value
 */
record SealedPayload(byte[] json, UUID sellerId, UUID customerId, String sealedText, int memberStart,
                     int memberEnd) {

    private static final byte[] SELLER_ID = JsonMembers.quoted("sellerId");
    private static final byte[] CUSTOMER_ID = JsonMembers.quoted("customerId");
    private static final byte[] SEALED = JsonMembers.quoted(SealingSerializer.SEALED);

    static SealedPayload read(byte[] json) {
        String[] values = new String[3];
        int[] member = {-1, -1};
        JsonMembers.forEach(json, (nameStart, nameEnd, valueStart, valueEnd) -> {
            if (JsonMembers.named(json, nameStart, nameEnd, SELLER_ID)) {
                values[0] = plainString(json, valueStart, valueEnd);
            } else if (JsonMembers.named(json, nameStart, nameEnd, CUSTOMER_ID)) {
                values[1] = plainString(json, valueStart, valueEnd);
            } else if (JsonMembers.named(json, nameStart, nameEnd, SEALED)) {
                values[2] = plainString(json, valueStart, valueEnd);
                member[0] = nameStart;
                member[1] = valueEnd;
            }
        });
        if (values[0] == null || values[1] == null || values[2] == null) {
            throw malformed("lacks its seller, its customer or a plain sealed value");
        }
        return new SealedPayload(json, UUID.fromString(values[0]), UUID.fromString(values[1]), values[2], member[0],
                member[1]);
    }

    /** A string value with no escapes in it (ids and base64 have none), else null. */
    private static String plainString(byte[] json, int valueStart, int valueEnd) {
        if (json[valueStart] != '"') {
            return null;
        }
        for (int at = valueStart + 1; at < valueEnd - 1; at++) {
            if (json[at] == '\\') {
                return null;
            }
        }
        return new String(json, valueStart + 1, valueEnd - valueStart - 2, StandardCharsets.ISO_8859_1);
    }

    /** The sealed value's bytes. */
    byte[] sealed() {
        return Base64.getDecoder().decode(sealedText);
    }

    /**
     * The event with the personal fields in place of the sealed value: {@code personal} is their JSON object, or
     * null when the key is gone (the customer is erased) and the fields are left out, which reads as null.
     */
    byte[] opened(byte[] personal) {
        int start = memberStart;
        int end = memberEnd;
        int innerStart = personal == null ? 0 : indexAfter(personal, 0, '{');
        int innerEnd = personal == null ? 0 : lastIndexOf(personal, '}');
        if (personal == null || blank(personal, innerStart, innerEnd)) {
            // The member goes with the comma that separates it from its neighbour.
            int before = skipBack(json, start - 1);
            if (json[before] == ',') {
                start = before;
            } else {
                end = indexAfter(json, end, ',');
            }
        }
        int inner = innerEnd - innerStart;
        byte[] spliced = new byte[start + inner + json.length - end];
        System.arraycopy(json, 0, spliced, 0, start);
        if (personal != null) {
            System.arraycopy(personal, innerStart, spliced, start, inner);
        }
        System.arraycopy(json, end, spliced, start + inner, json.length - end);
        return spliced;
    }

    /** The offset after the first {@code wanted} from {@code from} on, past white space only. */
    private static int indexAfter(byte[] bytes, int from, char wanted) {
        int at = from;
        while (at < bytes.length && Character.isWhitespace(bytes[at])) {
            at++;
        }
        if (at == bytes.length || bytes[at] != wanted) {
            throw malformed("has no '" + wanted + "' where one belongs");
        }
        return at + 1;
    }

    private static int lastIndexOf(byte[] bytes, char wanted) {
        int at = skipBack(bytes, bytes.length - 1);
        if (at < 0 || bytes[at] != wanted) {
            throw malformed("has no '" + wanted + "' where one belongs");
        }
        return at;
    }

    private static int skipBack(byte[] bytes, int from) {
        int at = from;
        while (at >= 0 && Character.isWhitespace(bytes[at])) {
            at--;
        }
        return at;
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int at = from; at < to; at++) {
            if (!Character.isWhitespace(bytes[at])) {
                return false;
            }
        }
        return true;
    }

    private static IllegalStateException malformed(String what) {
        return new IllegalStateException("a sealed customer event " + what);
    }
}
