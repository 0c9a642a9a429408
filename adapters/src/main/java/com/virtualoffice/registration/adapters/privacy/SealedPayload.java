package com.virtualoffice.registration.adapters.privacy;

import java.util.Base64;
import java.util.UUID;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * A stored sealed event as JSON bytes, read by one streaming pass: the ids its associated data names, the sealed
 * value, and where the {@code "sealed"} member lies, so that the opened personal fields are spliced in its place
 * and the event is decoded from bytes like any plain one. Hand-written for speed: building a tree of the event,
 * merging the fields into it and decoding the tree cost a customer replay a quarter of its rate.
 *
 * @param json the stored event
 * @param sealedText the sealed value as stored, in base64: decoded only by who opens it
 * @param memberStart offset of the {@code "sealed"} member's name
 * @param memberEnd offset just after its value
 */
record SealedPayload(byte[] json, UUID sellerId, UUID customerId, String sealedText, int memberStart,
                     int memberEnd) {

    private static final String SELLER_ID = "sellerId";
    private static final String CUSTOMER_ID = "customerId";

    static SealedPayload read(ObjectMapper mapper, byte[] json) {
        UUID sellerId = null;
        UUID customerId = null;
        String sealed = null;
        int memberStart = -1;
        int memberEnd = -1;
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                int nameStart = (int) parser.currentTokenLocation().getByteOffset();
                parser.nextToken();
                switch (name) {
                    case SELLER_ID -> sellerId = UUID.fromString(parser.getString());
                    case CUSTOMER_ID -> customerId = UUID.fromString(parser.getString());
                    case SealingSerializer.SEALED -> {
                        sealed = parser.getString();
                        memberStart = nameStart;
                        memberEnd = (int) parser.currentTokenLocation().getByteOffset() + sealed.length() + 2;
                    }
                    default -> parser.skipChildren();
                }
            }
        }
        if (sellerId == null || customerId == null || sealed == null || json[memberEnd - 1] != '"') {
            throw malformed("lacks its seller, its customer or a plain sealed value");
        }
        return new SealedPayload(json, sellerId, customerId, sealed, memberStart, memberEnd);
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
