package com.virtualoffice.registration.drills;

import com.virtualoffice.registration.drills.FuzzWorld.Seller;
import com.virtualoffice.registration.drills.FuzzWorld.Slot;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Makes the fuzz drill's requests: each one aimed at an endpoint of the service (or at none), built from a valid
 * request and then broken in random ways: wrong JSON types at known fields, huge and odd strings, deep nesting,
 * broken JSON and UTF-8, bodies over the size limit, odd content types, junk query strings and path ids, bad
 * credentials and odd headers. Request {@code i} depends only on the seed, {@code i} and the ids the drill has seen.
 */
final class FuzzRequests {

    static final int ONE_MIB = 1024 * 1024;

    /** Where a request is aimed, with how often it is chosen. */
    enum Target {
        CREATE_CUSTOMER("POST /api/customers", 14),
        GET_CUSTOMER("GET /api/customers/{id}", 6),
        GET_CUSTOMER_AS_OF("GET /api/customers/{id}?as_of", 4),
        PATCH_CUSTOMER("PATCH /api/customers/{id}", 10),
        DELETE_CUSTOMER("DELETE /api/customers/{id}", 3),
        CUSTOMER_HISTORY("GET /api/customers/{id}/history", 3),
        LIST_CUSTOMERS("GET /api/customers?query", 8),
        EVENTS("GET /api/events", 4),
        CREATE_WEBHOOK("POST /api/webhook-endpoints", 5),
        LIST_WEBHOOKS("GET /api/webhook-endpoints", 2),
        DELETE_WEBHOOK("DELETE /api/webhook-endpoints/{id}", 2),
        WEBHOOK_DELIVERIES("GET /api/webhook-endpoints/{id}/deliveries", 3),
        RETRY_DELIVERY("POST /api/webhook-endpoints/{id}/deliveries/{id}/retry", 2),
        CREATE_SELLER("POST /admin/sellers", 3),
        LIST_SELLERS("GET /admin/sellers?query", 3),
        PLANS("GET /admin/plans", 1),
        GET_SELLER("GET /admin/sellers/{id}", 2),
        PATCH_SELLER("PATCH /admin/sellers/{id}", 3),
        LIST_KEYS("GET /admin/sellers/{id}/api-keys", 2),
        ISSUE_KEY("POST /admin/sellers/{id}/api-keys", 3),
        REVOKE_KEY("POST /admin/api-keys/{id}/revoke", 2),
        DELETE_KEY("DELETE /admin/api-keys/{id}", 2),
        SELLER_EVENTS("GET /admin/sellers/{id}/events", 2),
        SELLER_ACTIVITY("GET /admin/sellers/{id}/activity", 2),
        PROJECTIONS("GET /admin/projections", 1),
        UNKNOWN_PATH("* unknown path", 4),
        RAW("raw socket", 4);

        final String label;
        final int weight;

        Target(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }

        boolean isApi() {
            return label.contains("/api/");
        }

        boolean isAdmin() {
            return label.contains("/admin/");
        }
    }

    /** What each kind of raw request breaks, for the report. */
    static final String[] RAW_KINDS = {"invalid percent-encoding in path", "lone % in path",
            "invalid percent-encoding in query", "lone % in query", "invalid percent-encoding in path",
            "raw UTF-8 byte in path", "raw latin-1 bytes in query", "invalid UTF-8 bytes in path",
            "control character in X-API-Key", "NUL in Idempotency-Key", "DEL in Content-Type",
            "ESC in X-Request-Id", "space in header name", "non-ASCII header name", "empty header name",
            "obs-fold header continuation", "header over 8 KiB", "HTTP/1.0 without Host", "odd HTTP version",
            "odd method token", "absolute-form request target", "OPTIONS *", "request target without leading /",
            "fragment in request target", "two different Content-Lengths", "invalid Content-Length",
            "malformed chunked body", "unsupported Transfer-Encoding with Content-Length",
            "Transfer-Encoding chunked and Content-Length", "odd Host header", "Content-Length shorter than body",
            "150 headers"};

    private static final int TOTAL_WEIGHT = java.util.Arrays.stream(Target.values()).mapToInt(t -> t.weight).sum();

    /**
     * One request. {@code raw} is set for requests only a socket can send; {@code paced} is the valid key the
     * request carries, whose pace it must keep; {@code pathId} the id in its path, for learning from the answer.
     */
    record FuzzRequest(int index, Target target, String label, String method, String path, List<String[]> headers,
                       byte[] body, boolean chunked, boolean expectContinue, byte[] raw, Slot paced, Seller seller,
                       String pathId) {

        boolean isHead() {
            return method.equalsIgnoreCase("HEAD");
        }
    }

    private final FuzzWorld world;

    FuzzRequests(FuzzWorld world) {
        this.world = world;
    }

    /** Request {@code index}; its randomness comes from {@code seed} and {@code index} alone. */
    FuzzRequest generate(long seed, int index) {
        Random random = new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        return new Builder(random, index, pickTarget(random)).build();
    }

    /** A request aimed at the given target, for phases of the drill that choose it themselves. */
    FuzzRequest generate(long seed, int index, Target target, Slot slot) {
        Random random = new Random(seed ^ (0x9E3779B97F4A7C15L * (index + 1)));
        Builder builder = new Builder(random, index, target);
        builder.fixedSlot = slot;
        return builder.build();
    }

    private static Target pickTarget(Random random) {
        int roll = random.nextInt(TOTAL_WEIGHT);
        for (Target target : Target.values()) {
            roll -= target.weight;
            if (roll < 0) {
                return target;
            }
        }
        throw new IllegalStateException();
    }

    /** Builds one request; every random choice is noted in the label, so a failure says what was sent. */
    private final class Builder {
        private final Random r;
        private final int index;
        private final Target target;
        private final List<String> notes = new ArrayList<>();
        private final List<String[]> headers = new ArrayList<>();
        private String method;
        private String path;
        private byte[] body;
        private boolean chunked;
        private boolean expectContinue;
        private Slot slot;
        private Slot fixedSlot;
        private Seller seller;
        private String pathId;

        Builder(Random random, int index, Target target) {
            this.r = random;
            this.index = index;
            this.target = target;
        }

        FuzzRequest build() {
            if (target == Target.RAW) {
                return raw();
            }
            if (target.isApi()) {
                slot = fixedSlot != null ? fixedSlot : world.nextSlot();
                seller = slot.seller;
            }
            switch (target) {
                case CREATE_CUSTOMER -> {
                    method = "POST";
                    path = "/api/customers";
                    jsonBody(customerBody(false));
                    if (chance(0.25)) {
                        idempotencyKey();
                    }
                }
                case GET_CUSTOMER -> {
                    method = "GET";
                    path = "/api/customers/" + (pathId = customerId());
                }
                case GET_CUSTOMER_AS_OF -> {
                    method = "GET";
                    path = "/api/customers/" + (pathId = customerId()) + "?" + asOfQuery();
                }
                case PATCH_CUSTOMER -> {
                    method = "PATCH";
                    path = "/api/customers/" + (pathId = customerId());
                    jsonBody(customerBody(true));
                }
                case DELETE_CUSTOMER -> {
                    method = "DELETE";
                    path = "/api/customers/" + (pathId = customerId());
                }
                case CUSTOMER_HISTORY -> {
                    method = "GET";
                    // Paged like the feed: the same limits and cursors, any of the seller's events among them.
                    path = "/api/customers/" + (pathId = customerId()) + "/history"
                            + (chance(0.5) ? eventQuery(seller.events) : "");
                }
                case LIST_CUSTOMERS -> {
                    method = "GET";
                    path = "/api/customers" + customerQuery();
                }
                case EVENTS -> {
                    method = "GET";
                    path = "/api/events" + eventQuery(seller.events);
                }
                case CREATE_WEBHOOK -> {
                    method = "POST";
                    path = "/api/webhook-endpoints";
                    jsonBody(webhookBody());
                }
                case LIST_WEBHOOKS -> {
                    method = "GET";
                    path = "/api/webhook-endpoints";
                }
                case DELETE_WEBHOOK -> {
                    method = "DELETE";
                    path = "/api/webhook-endpoints/" + (pathId = id(seller.endpoints,
                            world.otherSeller(seller, r).endpoints));
                }
                case WEBHOOK_DELIVERIES -> {
                    method = "GET";
                    path = "/api/webhook-endpoints/" + (pathId = id(seller.endpoints,
                            world.otherSeller(seller, r).endpoints)) + "/deliveries";
                }
                case RETRY_DELIVERY -> {
                    method = "POST";
                    String known = seller.deliveries.pick(r);
                    String endpoint;
                    String delivery;
                    if (known != null && chance(0.6)) {
                        String[] pair = known.split("/");
                        endpoint = chance(0.85) ? pair[0] : junkId();
                        delivery = chance(0.85) ? pair[1] : (chance(0.5) ? pair[1].toUpperCase(Locale.ROOT)
                                : junkId());
                        notes.add("known delivery");
                    } else {
                        endpoint = id(seller.endpoints, world.otherSeller(seller, r).endpoints);
                        delivery = id(seller.deliveries, null);
                    }
                    path = "/api/webhook-endpoints/" + endpoint + "/deliveries/" + delivery + "/retry";
                    maybeStrayBody();
                }
                case CREATE_SELLER -> {
                    method = "POST";
                    path = "/admin/sellers";
                    jsonBody(sellerBody());
                }
                case LIST_SELLERS -> {
                    method = "GET";
                    path = "/admin/sellers" + sellerQuery();
                }
                case PLANS -> {
                    method = "GET";
                    path = "/admin/plans" + (chance(0.2) ? junkQuery() : "");
                }
                case GET_SELLER -> {
                    method = "GET";
                    path = "/admin/sellers/" + anySellerId();
                }
                case PATCH_SELLER -> {
                    method = "PATCH";
                    path = "/admin/sellers/" + id(world.victimSellers, null);
                    jsonBody(planBody());
                }
                case LIST_KEYS -> {
                    method = "GET";
                    path = "/admin/sellers/" + anySellerId() + "/api-keys";
                }
                case ISSUE_KEY -> {
                    method = "POST";
                    path = "/admin/sellers/" + id(world.victimSellers, null) + "/api-keys";
                    jsonBody(keyBody());
                }
                case REVOKE_KEY -> {
                    method = "POST";
                    path = "/admin/api-keys/" + id(world.victimKeyIds, null) + "/revoke";
                    maybeStrayBody();
                }
                case DELETE_KEY -> {
                    method = "DELETE";
                    path = "/admin/api-keys/" + id(world.victimKeyIds, null);
                }
                case SELLER_EVENTS -> {
                    method = "GET";
                    Seller known = world.sellers.get(r.nextInt(world.sellers.size()));
                    path = "/admin/sellers/" + (chance(0.7) ? known.id : anySellerId()) + "/events"
                            + eventQuery(known.events);
                }
                case SELLER_ACTIVITY -> {
                    method = "GET";
                    Seller known = world.sellers.get(r.nextInt(world.sellers.size()));
                    path = "/admin/sellers/" + (chance(0.7) ? known.id : anySellerId()) + "/activity"
                            + eventQuery(known.events);
                }
                case PROJECTIONS -> {
                    method = "GET";
                    path = "/admin/projections" + (chance(0.2) ? junkQuery() : "");
                }
                case UNKNOWN_PATH -> unknownPath();
                default -> throw new IllegalStateException(target.name());
            }
            if (body == null && target != Target.UNKNOWN_PATH && chance(0.06)) {
                strayBody();
            }
            if (target.isApi()) {
                apiCredentials();
            } else if (target.isAdmin()) {
                adminCredentials();
            } else {
                anyCredentials();
            }
            if (target != Target.UNKNOWN_PATH && chance(0.06)) {
                otherMethod();
            }
            if (target != Target.UNKNOWN_PATH && target != Target.GET_CUSTOMER_AS_OF
                    && target != Target.LIST_CUSTOMERS && target != Target.LIST_SELLERS && chance(0.05)) {
                path += (path.contains("?") ? "&" : "?") + junkQuery().substring(1);
            }
            oddHeaders();
            if (body != null && body.length > 0 && chance(0.05)) {
                chunked = true;
                notes.add("chunked");
            }
            if (body != null && chance(0.03)) {
                expectContinue = true;
                notes.add("expect-100-continue");
            }
            return new FuzzRequest(index, target, String.join("; ", notes), method, path, headers, body, chunked,
                    expectContinue, null, slot, seller, pathId);
        }

        // ---------------------------------------------------------------------------------------------- ids

        private String customerId() {
            return id(seller.customers, world.otherSeller(seller, r).customers);
        }

        private String anySellerId() {
            double roll = r.nextDouble();
            if (roll < 0.4) {
                return world.sellers.get(r.nextInt(world.sellers.size())).id;
            }
            return id(world.victimSellers, null);
        }

        /** An id for a path: mostly a known one, else a foreign, random or broken one, percent-encoded. */
        private String id(FuzzWorld.Pool own, FuzzWorld.Pool foreign) {
            String known = own.pick(r);
            double roll = r.nextDouble();
            if (known != null && roll < 0.5) {
                notes.add("known id");
                return known;
            }
            if (known != null && roll < 0.58) {
                notes.add("known id upper-case");
                return known.toUpperCase(Locale.ROOT);
            }
            if (foreign != null && roll < 0.66) {
                String other = foreign.pick(r);
                if (other != null) {
                    notes.add("foreign id");
                    return other;
                }
            }
            if (roll < 0.78) {
                notes.add("random uuid");
                return UUID.randomUUID().toString();
            }
            return junkId();
        }

        private String junkId() {
            String uuid = UUID.randomUUID().toString();
            String id = switch (r.nextInt(24)) {
                case 0 -> "";
                case 1 -> "abc";
                case 2 -> "-1";
                case 3 -> "00000000-0000-0000-0000-000000000000";
                case 4 -> "null";
                case 5 -> uuid.replace("-", "");
                case 6 -> "%7B" + uuid + "%7D";
                case 7 -> uuid + "x";
                case 8 -> uuid.substring(1);
                case 9 -> encode(text(1, 40));
                case 10 -> "x".repeat(1000 + r.nextInt(4000));
                case 11 -> "%2F";
                case 12 -> "..";
                case 13 -> "%2e%2e";
                case 14 -> "%00";
                case 15 -> "%FF%FE";
                case 16 -> uuid + ";x=1";
                case 17 -> uuid + "%20";
                case 18 -> "%F0%9F%98%80";
                case 19 -> "%0A" + uuid;
                case 20 -> uuid.replace('-', '_');
                case 21 -> "99999999999999999999999999999999999999";
                case 22 -> "ffffffff-ffff-ffff-ffff-ffffffffffff";
                default -> uuid.substring(0, 8) + "-" + "0".repeat(60);
            };
            notes.add("junk id '" + shorten(id, 60) + "'");
            return id;
        }

        // -------------------------------------------------------------------------------------- credentials

        private void apiCredentials() {
            double roll = r.nextDouble();
            if (roll < 0.84) {
                paced();
                if (chance(0.12)) {
                    String prefix = switch (r.nextInt(4)) {
                        case 0 -> "bearer ";
                        case 1 -> "BEARER   ";
                        default -> "Bearer ";
                    };
                    header("Authorization", prefix + slot.key);
                    notes.add("key as bearer");
                } else {
                    header("X-API-Key", chance(0.05) ? "  " + slot.key + " " : slot.key);
                }
                return;
            }
            notes.add("bad credentials");
            switch (r.nextInt(16)) {
                case 0 -> notes.add("no key");
                case 1 -> header("X-API-Key", "");
                case 2 -> header("X-API-Key", "   ");
                case 3 -> header("X-API-Key", "sk_live_" + alnum(48));
                case 4 -> header("X-API-Key", slot.key.substring(0, 8 + r.nextInt(40)));
                case 5 -> header("X-API-Key", slot.key + alnum(1 + r.nextInt(5)));
                case 6 -> {
                    String victim = world.victimKeys.pick(r);
                    header("X-API-Key", victim != null ? victim : "sk_live_");
                    notes.add("victim key");
                }
                case 7 -> header("X-API-Key", slot.key.toUpperCase(Locale.ROOT));
                case 8 -> header("X-API-Key", "sk_live_" + latin1(10));
                case 9 -> header("X-API-Key", "sk_live_" + alnum(200 + r.nextInt(3000)));
                case 10 -> header("Authorization", "Basic " + alnum(20));
                case 11 -> header("Authorization", "Bearer");
                case 12 -> header("Authorization", "Bearer " + slot.key + " extra");
                case 13 -> {
                    header("X-API-Key", "sk_live_" + alnum(48));
                    header("Authorization", "Bearer " + slot.key);
                    paced();
                }
                case 14 -> header("X-API-Key", world.adminToken);
                default -> header("Authorization", "Bearer " + world.adminToken);
            }
        }

        private void paced() {
            // Pacing happens when the request is sent; whatever the credentials, the key's turn is taken.
            notes.add("valid key");
        }

        private void adminCredentials() {
            if (chance(0.86)) {
                header("Authorization", (chance(0.1) ? "bearer " : "Bearer ") + world.adminToken);
                return;
            }
            notes.add("bad admin token");
            switch (r.nextInt(9)) {
                case 0 -> notes.add("no token");
                case 1 -> header("Authorization", "");
                case 2 -> header("Authorization", "Bearer ");
                case 3 -> header("Authorization", "Bearer " + world.adminToken + "x");
                case 4 -> header("Authorization", "Basic " + world.adminToken);
                case 5 -> header("X-API-Key", world.adminToken);
                case 6 -> header("Authorization", "Bearer " + world.sellers.getFirst().id);
                case 7 -> header("Authorization", "Bearer " + latin1(20));
                default -> header("Authorization", "Bearer " + alnum(5000 + r.nextInt(5000)));
            }
        }

        private void anyCredentials() {
            double roll = r.nextDouble();
            if (roll < 0.4) {
                slot = world.nextSlot();
                header("X-API-Key", slot.key);
            } else if (roll < 0.7) {
                header("Authorization", "Bearer " + world.adminToken);
            }
        }

        // -------------------------------------------------------------------------------------------- bodies

        private void jsonBody(Json.Obj object) {
            byte[] bytes = mutateWhole(object);
            body = bytes;
            contentType(true);
        }

        /** Sometimes a whole body is something else than the (mutated) object. */
        private byte[] mutateWhole(Json.Obj object) {
            if (!chance(0.2)) {
                return utf8(object.render());
            }
            String rendered = object.render();
            int kind = r.nextInt(22);
            notes.add("whole body #" + kind);
            return switch (kind) {
                case 0 -> utf8(Json.randomValue(r, 0, true));
                case 1 -> utf8("[" + rendered + "]");
                case 2 -> utf8("[".repeat(5000) + "]".repeat(5000));
                case 3 -> utf8("{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
                case 4 -> utf8(rendered.substring(0, 1 + r.nextInt(Math.max(1, rendered.length() - 1))));
                case 5 -> garbage();
                case 6 -> withInvalidUtf8(rendered);
                case 7 -> padded(rendered, ONE_MIB + 1 + r.nextInt(4096));
                case 8 -> padded(rendered, ONE_MIB - r.nextInt(2));
                case 9 -> new byte[0];
                case 10 -> utf8(" \n\t ");
                case 11 -> utf8(rendered.replace('"', '\''));
                case 12 -> utf8(rendered.replaceFirst("}$", ",}"));
                case 13 -> utf8("/* c */" + rendered + "// c");
                case 14 -> utf8(rendered + rendered);
                case 15 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(rendered));
                case 16 -> rendered.getBytes(chance(0.5) ? StandardCharsets.UTF_16 : StandardCharsets.UTF_16LE);
                case 17 -> rendered.getBytes(StandardCharsets.ISO_8859_1);
                case 18 -> utf8("[".repeat(100_000));
                case 19 -> utf8(rendered.replaceFirst(":\"", ":\"\u0001\n\t"));
                case 20 -> utf8("{\"first_name\":" + "9".repeat(1000 + r.nextInt(10_000)) + "}");
                default -> utf8(rendered + " " + Json.randomValue(r, 0, false));
            };
        }

        private byte[] garbage() {
            if (chance(0.5)) {
                byte[] bytes = new byte[1 + r.nextInt(300)];
                r.nextBytes(bytes);
                return bytes;
            }
            String[] texts = {"nope", "{", "}", "{\"a\":", "{\"a\" 1}", "{a:1}", "[1,]", "NaN", "{\"a\":NaN}",
                    "{\"a\":Infinity}", "{\"a\":-}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}",
                    "{\"a\":tru}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "\"",
                    "{\"a\":1}}", "{,}", "{\"\":}", "undefined", "<xml/>", "first_name=Ada&last_name=L",
                    "{\"a\":\"\\uD800\"}", "{\"a\":\"\\uDC00\\uD800\"}", "{\"a\":1e999999999}", "{\"a\":-0}",
                    "{\"a\":1E-999999999}"};
            return utf8(texts[r.nextInt(texts.length)]);
        }

        private byte[] withInvalidUtf8(String rendered) {
            byte[][] junk = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xFE, (byte) 0xFF}};
            int quote = rendered.indexOf(":\"");
            int at = quote >= 0 ? quote + 2 : r.nextInt(rendered.length() + 1);
            byte[] before = utf8(rendered.substring(0, at));
            byte[] after = utf8(rendered.substring(at));
            return concat(concat(before, junk[r.nextInt(junk.length)]), after);
        }

        /** A valid JSON object padded with an unknown property to exactly {@code size} bytes. */
        private byte[] padded(String rendered, int size) {
            String head = rendered.substring(0, rendered.length() - 1) + (rendered.length() > 2 ? "," : "")
                    + "\"padding\":\"";
            String tail = "\"}";
            int fill = Math.max(0, size - utf8(head).length - tail.length());
            return utf8(head + "x".repeat(fill) + tail);
        }

        private void maybeStrayBody() {
            if (chance(0.1)) {
                strayBody();
            }
        }

        private void strayBody() {
            notes.add("stray body");
            body = chance(0.5) ? utf8(Json.randomValue(r, 0, true)) : garbage();
            if (chance(0.02)) {
                body = padded("{}", ONE_MIB + 10);
            }
            contentType(chance(0.5));
        }

        private void contentType(boolean mostlyJson) {
            if (mostlyJson && chance(0.82)) {
                header("Content-Type", "application/json");
                return;
            }
            String[] types = {null, "", "text/plain", "application/json; charset=latin1",
                    "application/json; charset=ISO-8859-1", "application/json; charset=utf-16",
                    "application/json;charset=\"utf-8\"", "application/json; charset=bogus-charset",
                    "APPLICATION/JSON", "application/problem+json", "application/vnd.fuzz+json", "application/jsonx",
                    "application/json, text/plain", "multipart/form-data", "multipart/form-data; boundary=----fuzz",
                    "multipart/mixed; boundary=x", "application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded; charset=bogus-charset", "application/xml", "*/*",
                    "application/*", ";;;", "application/json; =", "text/json", "application/octet-stream",
                    "application/json; charset=utf-8; charset=latin1", "application", "/json", "json",
                    "application/json\t", "application/json;q=0.5", "text/html; charset=utf-8",
                    "application/json; charset=" + "x".repeat(300), latin1(12)};
            String type = types[r.nextInt(types.length)];
            notes.add("content-type " + (type == null ? "absent" : "'" + shorten(type, 60) + "'"));
            if (type != null) {
                header("Content-Type", type);
            }
        }

        private Json.Obj customerBody(boolean patch) {
            Json.Obj object = new Json.Obj();
            boolean full = !patch || chance(0.3);
            if (full || chance(0.5)) {
                object.put("first_name", Json.string(name()));
            }
            if (full || chance(0.4)) {
                object.put("last_name", Json.string(name()));
            }
            if (full || chance(0.3)) {
                object.put("email", Json.string(email()));
            }
            if (chance(0.4)) {
                object.put("company_name", chance(0.2) ? "null" : Json.string(text(0, 200)));
            }
            if (chance(0.3)) {
                object.put("legal_entity", chance(0.2) ? "null" : Json.string(pick("GmbH", "LLC", "AG", "Ltd")));
            }
            if (chance(0.4)) {
                object.put("language", Json.string(pick("en", "de")));
            }
            if (chance(0.4)) {
                object.put("status", Json.string(pick("active", "inactive", "suspended")));
            }
            if (chance(0.3)) {
                object.put("address_data", address());
            }
            if (chance(0.2)) {
                object.put("postal_redirect_address", address());
            }
            if (patch && object.isEmpty() && chance(0.8)) {
                object.put("status", Json.string(pick("active", "inactive", "suspended")));
            }
            mutateFields(object, List.of("first_name", "last_name", "email", "company_name", "legal_entity",
                    "language", "status", "address_data", "postal_redirect_address"));
            return object;
        }

        private String address() {
            if (chance(0.1)) {
                return chance(0.5) ? "{}" : "null";
            }
            Json.Obj address = new Json.Obj();
            for (String part : List.of("street", "city", "postal_code", "country")) {
                if (chance(0.7)) {
                    address.put(part, Json.string(text(0, 200)));
                }
            }
            if (chance(0.5)) {
                mutateFields(address, List.of("street", "city", "postal_code", "country"));
            }
            return address.render();
        }

        private Json.Obj webhookBody() {
            Json.Obj object = new Json.Obj();
            boolean mayRegister = seller.liveEndpoints.get() < 6;
            object.put("url", Json.string(mayRegister ? pick("http://127.0.0.1:1/hook", "http://localhost:1/h",
                    "http://[::1]:1/x") : "https://203.0.113.1:1/hook"));
            List<String> events = new ArrayList<>();
            for (String type : List.of("customer.created", "customer.updated", "customer.deleted")) {
                if (chance(0.4)) {
                    events.add(Json.string(type));
                }
            }
            if (events.isEmpty()) {
                events.add(Json.string("customer.deleted"));
            }
            object.put("events", "[" + String.join(",", events) + "]");
            if (!mayRegister || chance(0.5)) {
                // Keep the number of endpoints (and so of deliveries to nowhere) small.
                object.put("url", Json.string(pick("ftp://x", "https://", "not a url", "http://example.com/x",
                        "https://user:pw@example.com/", "http://10.0.0.1/x", "javascript:alert(1)",
                        "https://" + "a".repeat(2100) + ".com", "http://[::1", "https://exa mple.com",
                        "http://0x7f.1/", "https://[fe80::1%25eth0]/")));
            }
            mutateFields(object, List.of("url", "events"));
            if (chance(0.15)) {
                object.put("events", pick("[]", "[\"customer.created\",\"customer.created\"]",
                        "[\"customer.*\"]", "[null]", "[1,2]", "[[]]", "\"customer.created\"",
                        "[\"" + "x".repeat(10_000) + "\"]"));
            }
            return object;
        }

        private Json.Obj sellerBody() {
            Json.Obj object = new Json.Obj();
            object.put("name", Json.string(chance(0.6) ? "Fuzz seller " + world.sequence() : text(0, 210)));
            if (chance(0.7)) {
                object.put("plan", Json.string(plan()));
            }
            mutateFields(object, List.of("name", "plan"));
            return object;
        }

        private Json.Obj planBody() {
            Json.Obj object = new Json.Obj();
            if (chance(0.85)) {
                object.put("plan", Json.string(plan()));
            }
            if (chance(0.2)) {
                object.put("name", Json.string(text(0, 50)));
            }
            mutateFields(object, List.of("plan", "name"));
            return object;
        }

        private String plan() {
            return pick("free", "starter", "business", "enterprise", "FREE", "gold", "", "unlimited", "free ");
        }

        private Json.Obj keyBody() {
            Json.Obj object = new Json.Obj();
            object.put("name", Json.string(chance(0.6) ? "fuzz" : text(0, 110)));
            if (chance(0.5)) {
                object.put("expires_at", chance(0.1) ? "null" : Json.string(dateTime()));
            }
            mutateFields(object, List.of("name", "expires_at"));
            return object;
        }

        /** Zero to three changes of single fields: wrong types, huge or odd strings, gone, doubled, unknown. */
        private void mutateFields(Json.Obj object, List<String> fields) {
            int changes = chance(0.3) ? 0 : 1 + (chance(0.3) ? 1 + r.nextInt(2) : 0);
            for (int i = 0; i < changes; i++) {
                String field = fields.get(r.nextInt(fields.size()));
                int kind = r.nextInt(12);
                notes.add(field + " mutation #" + kind);
                switch (kind) {
                    case 0, 1, 2 -> object.put(field, Json.randomValue(r, 0, false));
                    case 3 -> object.put(field, Json.string(hugeString()));
                    case 4 -> object.remove(field);
                    case 5 -> object.put(field, "null");
                    case 6 -> object.put(field, Json.string(pick("", " ", "\t\n", "\u00a0", "\u3000", "\u200b")));
                    case 7 -> object.add(field, chance(0.5) ? Json.randomValue(r, 0, false)
                            : Json.string(text(1, 20)));
                    case 8 -> object.put(chance(0.5) ? "unknown_" + r.nextInt(100) : text(1, 30),
                            Json.randomValue(r, 0, false));
                    case 9 -> object.put(field, Json.string(text(95, 105)));
                    case 10 -> object.put(field, Json.string(pick("en", "DE", "fr", "active", "ACTIVE", "deleted",
                            "a@b", "a..b@example.com", "ä@example.com", "@", "x@example", ".a@example.com",
                            "a@-example.com", "a@example..com", "x".repeat(250) + "@example.com",
                            "a@" + "b".repeat(300) + ".com", "customer.created", "free", "starter",
                            "2024-01-15T10:30:00.000Z", "https://example.com", "http://127.0.0.1:1/x")));
                    default -> object.put(field, chance(0.5)
                            ? "[".repeat(2000) + "]".repeat(2000)
                            : "{\"a\":".repeat(600) + "1" + "}".repeat(600));
                }
            }
        }

        private String name() {
            return chance(0.7) ? pick("Ada", "Grace", "Jürgen", "Łukasz", "Zoë", "O'Brien") : text(1, 100);
        }

        private String email() {
            if (chance(0.1)) {
                String used = seller.emails.pick(r);
                if (used != null) {
                    notes.add("email in use");
                    return chance(0.5) ? used : used.toUpperCase(Locale.ROOT);
                }
            }
            return "fuzz-" + world.sequence() + "-" + Long.toHexString(r.nextLong()) + "@example.com";
        }

        private void idempotencyKey() {
            double roll = r.nextDouble();
            String key;
            if (roll < 0.4) {
                key = world.idempotencyKeys.pick(r);
                if (key == null) {
                    key = "idem-" + alnum(16);
                    world.idempotencyKeys.add(key);
                }
                notes.add("idempotency key reused");
            } else if (roll < 0.7) {
                key = "idem-" + alnum(16);
                if (chance(0.3)) {
                    world.idempotencyKeys.add(key);
                }
            } else {
                key = switch (r.nextInt(6)) {
                    case 0 -> "";
                    case 1 -> alnum(255);
                    case 2 -> alnum(256 + r.nextInt(50));
                    case 3 -> alnum(5000);
                    case 4 -> latin1(20);
                    default -> " padded ";
                };
                notes.add("idempotency key of " + key.length() + " chars");
            }
            header("Idempotency-Key", key);
        }

        // ------------------------------------------------------------------------------------ query strings

        private String asOfQuery() {
            if (chance(0.1)) {
                return "as_of=" + encode(dateTime()) + "&as_of=" + encode(dateTime());
            }
            String value = dateTime();
            notes.add("as_of '" + value + "'");
            return "as_of=" + (chance(0.9) ? encode(value) : value.replace(" ", "%20"));
        }

        private String dateTime() {
            return pick("2024-01-15T10:30:00.000Z", java.time.Instant.now().toString(),
                    java.time.Instant.now().minusSeconds(r.nextInt(100_000)).toString(),
                    java.time.Instant.now().plusSeconds(r.nextInt(10_000_000)).toString(),
                    "2024-01-15T10:30:00Z", "2024-01-15", "2024-13-45T25:61:61Z", "+294277-01-01T00:00:00Z",
                    "-4714-11-24T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z",
                    "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "1970-01-01T00:00:00+18:00",
                    "1970-01-01T00:00:00-18:00", "2024-01-15T10:30:00.123456789+05:30", "", "now",
                    "0000-01-01T00:00:00Z", "2024-02-30T00:00:00Z", "1969-12-31T23:59:59.999Z",
                    "10000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2024-01-15T10:30:00.000+99:00",
                    "2024-01-15T10:30:00.000Z[Europe/Berlin]", "1700000000", "-1", "2024-01-15 10:30:00Z",
                    "2038-01-19T03:14:08Z", "2262-04-11T23:47:16.854775808Z", text(1, 30));
        }

        private String customerQuery() {
            List<String> pairs = new ArrayList<>();
            int count = r.nextInt(5);
            for (int i = 0; i < count; i++) {
                String name = pick("limit", "limit", "starting_after", "starting_after", "status", "email", "q", "q",
                        "page", "offset", "sort", "limit[]", "a%20b", "", "%00", "LIMIT", "filter[status]");
                String value = switch (name) {
                    case "limit", "LIMIT", "limit[]" -> number();
                    case "starting_after" -> startingAfter();
                    case "status" -> pick("active", "inactive", "suspended", "ACTIVE", "", "deleted",
                            encode(text(1, 10)));
                    case "email" -> pick(encode(email()), "", encode(text(1, 300)), "%25", "_", "a%40b",
                            encode("x".repeat(255) + "@example.com"));
                    case "q" -> pick(encode(text(0, 30)), "%25", "_", "%5C", "%27%20OR%201%3D1--", "%00",
                            encode(text(199, 202)), "%FF", "%C3%28", "%ED%A0%80", encode("%_\\"),
                            "x".repeat(5000));
                    default -> encode(text(0, 10));
                };
                pairs.add(chance(0.05) ? name : name + "=" + value);
            }
            if (chance(0.1)) {
                pairs.add(junkQuery().substring(1));
            }
            notes.add("query with " + pairs.size() + " parts");
            return pairs.isEmpty() && chance(0.5) ? "" : "?" + String.join(chance(0.05) ? "&&" : "&", pairs);
        }

        private String sellerQuery() {
            List<String> pairs = new ArrayList<>();
            int count = r.nextInt(5);
            for (int i = 0; i < count; i++) {
                String name = pick("limit", "limit", "starting_after", "starting_after", "plan", "plan", "q", "q",
                        "page", "limit[]", "", "%00", "PLAN");
                String value = switch (name) {
                    case "limit", "limit[]" -> number();
                    case "starting_after" -> chance(0.5) ? anySellerId() : pick(UUID.randomUUID().toString(),
                            junkId());
                    case "plan", "PLAN" -> pick("free", "starter", "business", "enterprise", "FREE", "", "gold",
                            "%00", encode(text(1, 10)), "x".repeat(3000));
                    case "q" -> pick(encode(text(0, 30)), "%25", "_", "%5C", "%27%20OR%201%3D1--", "%00",
                            encode(text(199, 202)), "%FF", "%C3%28", encode("%_\\"), "x".repeat(5000));
                    default -> encode(text(0, 10));
                };
                pairs.add(chance(0.05) ? name : name + "=" + value);
            }
            if (chance(0.1)) {
                pairs.add(junkQuery().substring(1));
            }
            notes.add("seller query with " + pairs.size() + " parts");
            return pairs.isEmpty() && chance(0.5) ? "" : "?" + String.join(chance(0.05) ? "&&" : "&", pairs);
        }

        private String startingAfter() {
            String known = seller.customers.pick(r);
            if (known != null && chance(0.5)) {
                return chance(0.8) ? known : known.toUpperCase(Locale.ROOT);
            }
            String other = world.otherSeller(seller, r).customers.pick(r);
            if (other != null && chance(0.2)) {
                return other;
            }
            return chance(0.4) ? UUID.randomUUID().toString() : junkId();
        }

        private String eventQuery(FuzzWorld.Pool events) {
            List<String> pairs = new ArrayList<>();
            if (chance(0.5)) {
                pairs.add("limit=" + number());
            }
            if (chance(0.5)) {
                String known = events.pick(r);
                String cursor = known != null && chance(0.5) ? known : pick("evt_", "evt_" + alnum(20),
                        "evt_" + UUID.randomUUID(), UUID.randomUUID().toString(), "evt_" + "x".repeat(1000),
                        "evt_%00", "", encode(text(1, 20)), "evt_" + UUID.randomUUID().toString().replace("-", ""),
                        known == null ? "evt_0" : known.toUpperCase(Locale.ROOT), known == null ? "x"
                                : known.substring(0, known.length() - 1));
                pairs.add("starting_after=" + cursor);
            }
            if (chance(0.1)) {
                pairs.add("limit=" + number());
                pairs.add("starting_after=evt_x");
            }
            if (chance(0.1)) {
                pairs.add(junkQuery().substring(1));
            }
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }

        private String number() {
            return pick("1", "20", "100", "101", "0", "-1", "1.5", "1e2", "abc", "", "99999999999999999999999999",
                    "-99999999999999999999999", "-0", "%2B5", "+5", "0x10", "%205", "5%20", "0100", "２",
                    "9".repeat(5000), "NaN", "Infinity", "1,2", "%00", "[1]");
        }

        private String junkQuery() {
            return pick("?", "?=", "?&&&", "?a", "?a=1&a=2&a=3", "?%FF=%FE", "?x=%C3%28", "?%00=%00",
                    "?" + "a=1&".repeat(500), "?x=" + "y".repeat(6000), "?limit=5&limit=6", "?q=%ED%A0%80",
                    "?;=;", "?a%20b=c%20d", "?emoji=%F0%9F%98%80", "?x=%0D%0ASet-Cookie:%20a=b");
        }

        // -------------------------------------------------------------------------------------- other parts

        private void otherMethod() {
            String original = method;
            method = pick("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO", "get",
                    "PROPFIND", "QUERY", "M-SEARCH", "HEAD", "OPTIONS", "PUT");
            notes.add("method " + original + " -> " + method);
        }

        private void unknownPath() {
            method = pick("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO");
            path = pick("/", "/api", "/api/", "/api/nothing", "/api/customers/", "/api/customers//history",
                    "/api/customers/" + UUID.randomUUID() + "/history/x", "/api/customers/a/b/c",
                    "/API/customers", "/api/Customers", "/api/customers.json", "/api/customers;jsessionid=1",
                    "/api/customers/%2F", "/api/customers/..%2F..%2Fadmin%2Fsellers", "/api/%2e%2e/admin/sellers",
                    "/admin", "/admin/", "/admin/sellers/", "/admin/api-keys", "/admin/api-keys/"
                            + UUID.randomUUID(), "/admin/projections/", "/admin/projections/x",
                    "/admin/sellers/x/y/z", "/actuator", "/actuator/env", "/actuator/health/db",
                    "/actuator/heapdump", "/error", "/error/x", "//api//customers", "/api/events/x",
                    "/api/webhook-endpoints/x/y", "/favicon.ico", "/index.html", "/static/x.js", "/WEB-INF/web.xml",
                    "/META-INF/MANIFEST.MF", "/%00", "/%FF", "/" + encode(text(1, 30)), "/" + "a".repeat(9000),
                    "/" + "a/".repeat(500), "/api/customers?" + "x".repeat(100), "/.env", "/api/customers%00",
                    "/api/customers%20", "/api/customers/%252F", "/api/../api/customers", "/./api/customers");
            notes.add("unknown path");
            if (chance(0.3)) {
                strayBody();
            }
        }

        private void oddHeaders() {
            if (chance(0.12)) {
                header("Accept", pick("text/plain", "application/xml", "text/html", "*/*", "foo",
                        "application/json;q=0", "image/png", "application/json, */*;q=0.1", "", "*/*; q=x",
                        "text/event-stream", "application/problem+json", "application/*"));
                notes.add("odd accept");
            }
            if (chance(0.08)) {
                header("X-Request-Id", pick("fuzz-" + alnum(8), "", " ", alnum(129), "a b c", latin1(8),
                        "../../etc/passwd", "x".repeat(5000), "id;drop table", "%0d%0a"));
                notes.add("odd request id");
            }
            if (target == Target.CREATE_CUSTOMER || !chance(0.97)) {
                return;
            }
            if (target != Target.CREATE_CUSTOMER && chance(0.3)) {
                idempotencyKey();
            }
            if (chance(0.1)) {
                switch (r.nextInt(14)) {
                    case 0 -> {
                        header("Origin", "https://evil.example");
                        header("Access-Control-Request-Method", pick("POST", "DELETE", "FOO"));
                    }
                    case 1 -> header("Accept-Language", latin1(10));
                    case 2 -> header("Cookie", "JSESSIONID=" + alnum(32) + "; x=" + latin1(5));
                    case 3 -> header("Range", "bytes=0-1");
                    case 4 -> header("X-HTTP-Method-Override", "DELETE");
                    case 5 -> header("X-Forwarded-For", "1.2.3.4, " + latin1(5));
                    case 6 -> header("Forwarded", "for=\"[::1\";proto=gopher");
                    case 7 -> header("Accept-Encoding", "gzip, br, zstd");
                    case 8 -> header("Content-Encoding", "gzip");
                    case 9 -> header("If-None-Match", "\"" + alnum(10) + "\"");
                    case 10 -> header("Accept-Charset", "bogus-charset");
                    case 11 -> header("X-Fuzz-" + alnum(5), "x".repeat(9000 + r.nextInt(9000)));
                    case 12 -> {
                        for (int i = 0; i < 120; i++) {
                            header("X-Many-" + i, alnum(30));
                        }
                    }
                    default -> header("Content-Language", latin1(8));
                }
                notes.add("odd header " + headers.getLast()[0]);
            }
        }

        // -------------------------------------------------------------------------------------------- raw

        /** A request only a socket can send; its request line, headers or framing break HTTP's rules. */
        private FuzzRequest raw() {
            slot = world.nextSlot();
            seller = slot.seller;
            String base = pick("/api/customers", "/api/customers/" + UUID.randomUUID(), "/api/events",
                    "/api/webhook-endpoints", "/admin/sellers", "/admin/projections");
            String valid = Json.Obj.of("first_name", "Ada", "last_name", "Lovelace", "email", email()).render();
            boolean admin = base.startsWith("/admin");
            String credentials = admin ? "Authorization: Bearer " + world.adminToken : "X-API-Key: " + slot.key;
            String method = base.equals("/api/customers") || base.equals("/admin/sellers") ? "POST" : "GET";
            String target = base;
            String version = "HTTP/1.1";
            List<String> extra = new ArrayList<>();
            byte[] content = method.equals("POST") ? utf8(valid) : new byte[0];
            boolean withLength = true;
            byte[] lineBytes = null;
            int kind = r.nextInt(32);
            switch (kind) {
                case 0 -> target = base + "/%zz";
                case 1 -> target = base + "/%";
                case 2 -> target = base + "?limit=%zz";
                case 3 -> target = base + "?q=%";
                case 4 -> target = base + "/%G1%u0041";
                case 5 -> lineBytes = concat(utf8(method + " " + base + "/"), concat(utf8("é"),
                        utf8(" " + version)));
                case 6 -> lineBytes = concat(utf8(method + " " + base + "?q="), concat(new byte[] {(byte) 0xE9,
                        (byte) 0xFF}, utf8(" " + version)));
                case 7 -> lineBytes = concat(utf8(method + " " + base + "/"), concat(new byte[] {(byte) 0xC3,
                        0x28}, utf8(" " + version)));
                case 8 -> extra.add("X-API-Key: " + slot.key + "\u0001");
                case 9 -> extra.add("Idempotency-Key: a\u0000b");
                case 10 -> extra.add("Content-Type: application/json\u007f");
                case 11 -> extra.add("X-Request-Id: \u001b[31mred");
                case 12 -> extra.add("X Bad: 1");
                case 13 -> extra.add("X-Ä: 1");
                case 14 -> extra.add(": empty");
                case 15 -> extra.add("X-Folded: a\r\n b");
                case 16 -> extra.add("X-Big: " + "x".repeat(9000 + r.nextInt(9000)));
                case 17 -> version = "HTTP/1.0";
                case 18 -> version = pick("HTTP/2.0", "HTTP/1.1.1", "HTTP/9.9", "HTTP/1", "http/1.1", "");
                case 19 -> method = pick("get", "G=T", "GET\u0001", "CONNECT", "PRI");
                case 20 -> target = "http://localhost:1" + base;
                case 21 -> {
                    method = "OPTIONS";
                    target = "*";
                }
                case 22 -> target = base.substring(1);
                case 23 -> target = base + "#fragment";
                case 24 -> {
                    extra.add("Content-Length: " + content.length);
                    extra.add("Content-Length: " + (content.length + 5));
                    withLength = false;
                }
                case 25 -> {
                    extra.add("Content-Length: " + pick("-1", "abc", "99999999999999999999", "1 2", "+5"));
                    withLength = false;
                }
                case 26 -> {
                    extra.add("Transfer-Encoding: chunked");
                    content = utf8(pick("zz\r\nabc\r\n0\r\n\r\n", "FFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n",
                            "3;ext=\"x\"\r\n{}\n\r\n0\r\n\r\n", "-1\r\n\r\n", "2\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n"));
                    withLength = false;
                }
                case 27 -> {
                    extra.add("Transfer-Encoding: " + pick("gzip", "chunked, chunked", "identity", "xchunked"));
                    extra.add("Content-Length: " + content.length);
                    withLength = false;
                }
                case 28 -> {
                    extra.add("Transfer-Encoding: chunked");
                    extra.add("Content-Length: " + content.length);
                    content = concat(utf8(Integer.toHexString(content.length) + "\r\n"), concat(content,
                            utf8("\r\n0\r\n\r\n")));
                    withLength = false;
                }
                case 29 -> extra.add("Host: " + pick("", "a b", "localhost:abc", "[::1", "x".repeat(300)));
                case 30 -> {
                    extra.add("Content-Length: 5");
                    withLength = false;
                }
                default -> {
                    for (int i = 0; i < 150; i++) {
                        extra.add("X-Many-" + i + ": " + alnum(60));
                    }
                }
            }
            notes.add("raw #" + kind + " " + RAW_KINDS[kind]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(lineBytes != null ? lineBytes
                    : utf8(method + " " + target + (version.isEmpty() ? "" : " " + version)));
            out.writeBytes(utf8("\r\n"));
            boolean explicitHost = extra.stream().anyMatch(h -> h.startsWith("Host:"));
            if (!explicitHost && !version.equals("HTTP/1.0")) {
                out.writeBytes(utf8("Host: localhost\r\n"));
            }
            out.writeBytes(utf8(credentials + "\r\n"));
            if (content.length > 0 && extra.stream().noneMatch(h -> h.startsWith("Content-Type"))) {
                out.writeBytes(utf8("Content-Type: application/json\r\n"));
            }
            for (String header : extra) {
                out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
                out.writeBytes(utf8("\r\n"));
            }
            if (withLength && content.length > 0) {
                out.writeBytes(utf8("Content-Length: " + content.length + "\r\n"));
            }
            out.writeBytes(utf8("Connection: close\r\n\r\n"));
            out.writeBytes(content);
            List<String[]> described = new ArrayList<>();
            extra.forEach(h -> described.add(new String[] {"raw", shorten(h, 120)}));
            return new FuzzRequest(index, Target.RAW, String.join("; ", notes), method, target, described, content,
                    false, false, out.toByteArray(), admin ? null : slot, seller, null);
        }

        // ------------------------------------------------------------------------------------------ helpers

        private void header(String name, String value) {
            headers.add(new String[] {name, value});
        }

        private boolean chance(double p) {
            return r.nextDouble() < p;
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[r.nextInt(options.length)];
        }

        private String alnum(int length) {
            String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.charAt(r.nextInt(chars.length())));
            }
            return text.toString();
        }

        /** Printable ISO-8859-1, which HttpClient lets through in header values. */
        private String latin1(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) (chance(0.5) ? 0x21 + r.nextInt(0x5E) : 0xA0 + r.nextInt(0x60)));
            }
            return text.toString();
        }

        /** Text of {@code min} to {@code max} code points from every corner of Unicode. */
        private String text(int min, int max) {
            return Json.text(r, min + r.nextInt(Math.max(1, max - min + 1)));
        }

        private String hugeString() {
            int length = pick(10_000, 10_000, 100_000, 201, 255, 1000);
            return switch (r.nextInt(4)) {
                case 0 -> "x".repeat(length);
                case 1 -> "😀".repeat(length / 2);
                case 2 -> "\u0000".repeat(Math.min(length, 1000));
                default -> Json.text(r, length);
            };
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
