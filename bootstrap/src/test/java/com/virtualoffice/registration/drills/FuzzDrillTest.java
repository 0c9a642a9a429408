package com.virtualoffice.registration.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.drills.FuzzRequests.FuzzRequest;
import com.virtualoffice.registration.drills.FuzzRequests.Target;
import com.virtualoffice.registration.drills.FuzzWorld.Seller;
import com.virtualoffice.registration.drills.FuzzWorld.Slot;
import com.virtualoffice.registration.support.Contract;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.OpenApiContract;
import com.virtualoffice.registration.support.ServiceTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The fuzz drill: N malformed, oversized, wrongly typed and random requests to every endpoint (and to none), from
 * a seeded {@link java.util.Random}, on a few threads, each API key kept under its rate limit. Every answer must be
 * below 500, carry {@code X-Request-Id}, and, when it is an error with a body, be exactly the contract's
 * {@code {"error": <reason phrase>, "message": <text>}} as {@code application/json}. Afterwards the service is
 * still healthy and still creates and reads customers.
 *
 * <p>The normal suite sends 2,000 requests. The full drill:
 * <pre>
 * mvn -pl bootstrap test -Dtest=FuzzDrillTest -Dfuzz.requests=100000
 * </pre>
 * Further knobs: {@code -Dfuzz.seed=<long>} (printed at the start; the same seed sends the same requests, apart
 * from ids learned from earlier answers), {@code -Dfuzz.threads=<n>} (default 4).
 *
 * <p>Requests {@link java.net.http.HttpClient} will not send (broken percent-encoding, control characters in
 * headers, odd framing) go over a plain socket ({@link RawHttp}). After the requests, a burst on one key draws 429s,
 * whose bodies are checked too. The summary (a table of statuses, overall and per endpoint), every distinct failure
 * with one example and a curl to reproduce it, and the root cause the service logged for each 5xx, are printed to
 * the test's output: {@code bootstrap/target/surefire-reports/<this class>-output.txt}.
 */
class FuzzDrillTest extends ServiceTest {

    private static final long DEFAULT_SEED = 0x5EED_F022L;
    private static final int MAX_LISTED = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The reason phrases the contract allows for errors below 500, by status. */
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 409, "Conflict", 413, "Payload Too Large",
            415, "Unsupported Media Type", 429, "Too Many Requests", 422, "Unprocessable Entity");

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> statusesByTarget = new ConcurrentHashMap<>();
    private final Map<String, List<Failure>> failures = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> drillErrors = new ConcurrentLinkedQueue<>();
    private final AtomicInteger bodilessErrors = new AtomicInteger();
    private final Map<String, AtomicInteger> bodilessByStatus = new ConcurrentHashMap<>();
    private final Map<String, Failure> bodilessExamples = new ConcurrentHashMap<>();
    /**
     * The root cause the service logged for a request id, completed as it is logged: the service runs in this JVM,
     * so its log is here.
     */
    private final Map<String, CompletableFuture<String>> loggedCauses = new ConcurrentHashMap<>();
    private static final Pattern LOGGED_REQUEST_ID = Pattern.compile("request id ([^) ]+)\\)");
    private final AppenderBase<ILoggingEvent> causes = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (!event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() == null) {
                return;
            }
            String requestId = event.getMDCPropertyMap().get("request_id");
            Matcher inMessage = LOGGED_REQUEST_ID.matcher(event.getFormattedMessage());
            if (inMessage.find()) {
                requestId = inMessage.group(1);
            }
            if (requestId == null || requestId.isEmpty()) {
                return;
            }
            IThrowableProxy root = event.getThrowableProxy();
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\s+", " ")
                    .replaceAll("\\[[^\\]]*\\]", "[..]").replaceAll("\"[^\"]*\"", "\"..\"");
            loggedCause(requestId).complete(root.getClassName().replaceAll(".*\\.", "") + ": "
                    + FuzzRequests.shorten(message, 90));
        }
    };

    @BeforeEach
    void listenForCauses() {
        causes.setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
        causes.start();
        rootLogger().addAppender(causes);
    }

    @AfterEach
    void stopListening() {
        rootLogger().detachAppender(causes);
        causes.stop();
    }

    private static ch.qos.logback.classic.Logger rootLogger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void every_answer_to_junk_is_below_500_in_the_contract_shape_and_the_service_survives() throws Exception {
        int requests = Integer.getInteger("fuzz.requests", 2000);
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        int threads = Integer.getInteger("fuzz.threads", 4);
        System.out.printf("%nFUZZ DRILL: seed=%d (-Dfuzz.seed=%d) requests=%d threads=%d%n", seed, seed, requests,
                threads);

        FuzzWorld world = world();
        FuzzRequests generator = new FuzzRequests(world);

        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int progressEvery = Math.max(1, requests / 10);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        FuzzRequest request = null;
                        try {
                            request = generator.generate(seed, i);
                            if (request.paced() != null) {
                                request.paced().pace();
                            }
                            exchangeAndCheck(request, world);
                        } catch (Throwable drillBug) {
                            drillErrors.add("request " + i + " (" + (request == null ? "?" : request.label())
                                    + "): " + drillBug);
                        }
                        int finished = done.incrementAndGet();
                        if (finished % progressEvery == 0) {
                            System.out.printf("  %d/%d requests in %.1f s; %s%n", finished, requests,
                                    (System.nanoTime() - started) / 1e9, new TreeMap<>(counts(statuses)));
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        burst(world, generator, seed, requests);
        removeWebhookEndpoints(world);

        printSummary(requests, seconds);

        assertThat(drillErrors).as("errors of the drill itself (not of the service)").isEmpty();
        stillHealthy();
        assertThat(failures).as(failureReport()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ setup

    /**
     * Three sellers on the unlimited plan with four keys each (twelve keys at 40 requests/s each stay clear of the
     * limit of 50/s), a customer and a webhook endpoint each; and two victim sellers whose keys the drill may
     * revoke and delete, two of them revoked from the start.
     */
    private FuzzWorld world() {
        FuzzWorld world = new FuzzWorld(ADMIN_TOKEN);
        for (int s = 0; s < 3; s++) {
            SellerWithKey first = operator.sellerOn("enterprise");
            Seller seller = new Seller(first.sellerId());
            world.sellers.add(seller);
            world.slots.add(new Slot(first.apiKey(), first.apiKeyId(), seller));
            for (int k = 0; k < 3; k++) {
                Http.Response key = issueKey(first.sellerId());
                world.slots.add(new Slot(key.field("key"), key.field("id"), seller));
            }
            String email = Contract.uniqueEmail();
            Http.Response customer = http.post("/api/customers").apiKey(first.apiKey())
                    .json("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + email + "\"}")
                    .send();
            assertThat(customer.status()).as(customer.body()).isEqualTo(201);
            seller.customers.add(customer.field("id"));
            seller.emails.add(email);
            Http.Response endpoint = http.post("/api/webhook-endpoints").apiKey(first.apiKey())
                    .json("{\"url\":\"http://127.0.0.1:1/hook\",\"events\":[\"customer.created\","
                            + "\"customer.updated\",\"customer.deleted\"]}")
                    .send();
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
            seller.endpoints.add(endpoint.field("id"));
            seller.liveEndpoints.incrementAndGet();
        }
        // Interleave the keys of the sellers, so that consecutive requests go to different sellers.
        List<Slot> bySeller = new ArrayList<>(world.slots);
        world.slots.clear();
        for (int k = 0; k < 4; k++) {
            for (int s = 0; s < 3; s++) {
                world.slots.add(bySeller.get(s * 4 + k));
            }
        }
        for (int s = 0; s < 2; s++) {
            SellerWithKey victim = operator.sellerOn("free");
            world.victimSellers.add(victim.sellerId());
            world.victimKeyIds.add(victim.apiKeyId());
            world.victimKeys.add(victim.apiKey());
            for (int k = 0; k < 4; k++) {
                Http.Response key = issueKey(victim.sellerId());
                world.victimKeyIds.add(key.field("id"));
                world.victimKeys.add(key.field("key"));
                if (k == 0) {
                    Http.Response revoked = http.post("/admin/api-keys/" + key.field("id") + "/revoke")
                            .bearer(ADMIN_TOKEN).send();
                    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
                }
            }
        }
        return world;
    }

    /**
     * The endpoints the drill registered point at a closed port; their deliveries would be retried for a day, in
     * the service the other test classes share. Removed endpoints are no longer delivered to.
     */
    private void removeWebhookEndpoints(FuzzWorld world) {
        for (Seller seller : world.sellers) {
            Slot slot = world.slots.stream().filter(s -> s.seller == seller).findFirst().orElseThrow();
            Http.Response endpoints = http.get("/api/webhook-endpoints").apiKey(slot.key).send();
            assertThat(endpoints.status()).as(endpoints.body()).isEqualTo(200);
            for (JsonNode endpoint : endpoints.json().get("data")) {
                Http.Response removed = http.request("DELETE", "/api/webhook-endpoints/"
                        + endpoint.get("id").asString()).apiKey(slot.key).send();
                assertThat(removed.status()).as(removed.body()).isEqualTo(204);
            }
        }
    }

    private Http.Response issueKey(String sellerId) {
        Http.Response key = http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN_TOKEN)
                .json("{\"name\":\"fuzz\"}").send();
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return key;
    }

    /**
     * Requests on one key of a seller of its own, as fast as the threads go: the answers include 429s, which must
     * be in the contract's shape too.
     */
    private void burst(FuzzWorld world, FuzzRequests generator, long seed, int offset) throws Exception {
        SellerWithKey burst = operator.sellerOn("enterprise");
        Seller seller = new Seller(burst.sellerId());
        Slot slot = new Slot(burst.apiKey(), burst.apiKeyId(), seller);
        Target[] targets = {Target.LIST_CUSTOMERS, Target.GET_CUSTOMER, Target.CREATE_CUSTOMER, Target.EVENTS};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                int index = offset + i;
                sent.add(pool.submit(() -> {
                    FuzzRequest request = generator.generate(seed, index, targets[index % targets.length], slot);
                    try {
                        exchangeAndCheck(request, world, "[burst] ");
                    } catch (Throwable drillBug) {
                        drillErrors.add("burst request " + index + ": " + drillBug);
                    }
                }));
            }
            for (Future<?> request : sent) {
                request.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --------------------------------------------------------------------------------------------- sending

    /** An answer off the wire, header names in lower case; {@code transportError} when there was none. */
    private record Answer(int status, Map<String, List<String>> headers, byte[] body, String transportError,
                          boolean sentRaw) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private void exchangeAndCheck(FuzzRequest request, FuzzWorld world) {
        exchangeAndCheck(request, world, "");
    }

    private void exchangeAndCheck(FuzzRequest request, FuzzWorld world, String phase) {
        Answer answer = exchange(request);
        String key = answer.transportError != null ? "no answer" : answer.status < 0 ? "closed"
                : answer.status == 0 ? "HTTP/0.9" : Integer.toString(answer.status);
        statuses.computeIfAbsent(key, k -> new LongAdder()).increment();
        statusesByTarget.computeIfAbsent(phase + request.target().label, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(key, k -> new LongAdder()).increment();
        check(request, answer);
        learn(request, answer, world);
    }

    private Answer exchange(FuzzRequest request) {
        if (request.raw() != null) {
            return exchangeRaw(request.raw(), request.isHead());
        }
        HttpRequest httpRequest;
        try {
            BodyPublisher publisher = request.body() == null ? BodyPublishers.noBody()
                    : request.chunked() ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                    : BodyPublishers.ofByteArray(request.body());
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + request.path()))
                    .timeout(TIMEOUT)
                    .expectContinue(request.expectContinue())
                    .method(request.method(), publisher);
            for (String[] header : request.headers()) {
                builder.header(header[0], header[1]);
            }
            httpRequest = builder.build();
        } catch (IllegalArgumentException unsendable) {
            // HttpClient refuses this path, method or header value: send the same bytes over a socket.
            return exchangeRaw(rawBytes(request), request.isHead());
        }
        try {
            var response = client.send(httpRequest, BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            return new Answer(response.statusCode(), headers, response.body(), null, false);
        } catch (HttpTimeoutException hang) {
            return new Answer(-1, Map.of(), new byte[0], "timeout after " + TIMEOUT.toSeconds() + " s: " + hang,
                    false);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], e.toString(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer exchangeRaw(byte[] bytes, boolean head) {
        try {
            RawHttp.Answer raw = RawHttp.exchange(port, bytes, head);
            return new Answer(raw.status(), raw.headers(), raw.body(), null, true);
        } catch (java.net.SocketTimeoutException hang) {
            return new Answer(-1, Map.of(), new byte[0], "timeout after 30 s: " + hang, true);
        } catch (IOException e) {
            return new Answer(-1, Map.of(), new byte[0], e.toString(), true);
        }
    }

    private byte[] rawBytes(FuzzRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((request.method() + " " + request.path() + " HTTP/1.1\r\nHost: localhost\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (String[] header : request.headers()) {
            out.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] body = request.body() == null ? new byte[0] : request.body();
        if (body.length > 0) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    // -------------------------------------------------------------------------------------------- checking

    private record Failure(String kind, String signature, FuzzRequest request, Answer answer) {
    }

    private void check(FuzzRequest request, Answer answer) {
        if (answer.transportError != null) {
            // With "Expect: 100-continue" the service may answer (e.g. 401) without reading the body and close;
            // the JDK client then sometimes reports no bytes at all. A raw-socket client sees the answer, and the
            // same request without Expect is answered, so this one says nothing about the service.
            // Likewise a request the server refuses before reading it all (a body over the limit, headers over
            // Tomcat's 8 KiB): it answers and closes while the client is still sending, and the reset can
            // swallow the answer. Neither is a hang: the connection ends at once.
            if (!request.expectContinue() && !refusedBeforeRead(request)) {
                fail("no answer", answer.transportError.replaceAll(":.*", ""), request, answer);
            }
            return;
        }
        if (answer.status < 0) {
            fail("no answer", "connection closed without a status line", request, answer);
            return;
        }
        if (answer.status == 0) {
            // HTTP/0.9 has no status line and no headers; counted in the table, nothing to check.
            return;
        }
        String contentType = answer.header("content-type");
        if (!(answer.status == 200 && request.label().contains("OPTIONS *"))) {
            checkAgainstTheDocument(request, answer);
        }
        if (isProtocolLevel(request, answer)) {
            // HTTP itself prescribes these answers for a request line or transfer coding the server does not
            // implement (501, 505), and Tomcat answers the server-wide "OPTIONS *" before any filter. They never
            // reach the service; the body is still in the contract's shape (JsonErrorReportValve).
            return;
        }
        if (answer.status >= 500) {
            String cause = loggedCause(answer);
            fail("5xx", answer.status + (cause != null ? " logged " + cause
                    : answer.body.length == 0 ? " (empty body)" : " " + shorten(answer.text(), 60)), request, answer);
        }
        boolean reachedTheApplication = answer.header("x-request-id") != null;
        if (!reachedTheApplication) {
            fail("missing X-Request-Id", answer.status + " " + contentType + " <- " + hint(request), request, answer);
        }
        boolean error = answer.status < 200 || answer.status >= 300;
        if (!error || request.isHead() || answer.status == 204) {
            return;
        }
        if (answer.body.length == 0) {
            bodilessErrors.incrementAndGet();
            boolean oddAccept = request.headers().stream().anyMatch(h -> h[0].equalsIgnoreCase("Accept"));
            String key = answer.status + (oddAccept ? " with odd Accept" : " without Accept");
            bodilessByStatus.computeIfAbsent(key, s -> new AtomicInteger()).incrementAndGet();
            bodilessExamples.computeIfAbsent(key, s -> new Failure("error without a body", key, request, answer));
            return;
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            fail("error body not application/json", answer.status + " " + contentType
                    + (reachedTheApplication ? "" : " <- " + hint(request)), request, answer);
            return;
        }
        JsonNode json;
        try {
            json = Contract.JSON.readTree(answer.body);
        } catch (RuntimeException notJson) {
            fail("error body not JSON", Integer.toString(answer.status), request, answer);
            return;
        }
        if (json == null || !json.isObject() || !Set.copyOf(json.propertyNames()).equals(Set.of("error", "message"))
                || json.size() != 2 || !json.get("error").isString() || !json.get("message").isString()) {
            fail("error body not {error, message}", answer.status + " " + shorten(answer.text(), 60), request,
                    answer);
            return;
        }
        String reason = json.get("error").asString();
        if (answer.status < 500 && !reason.equals(REASONS.get(answer.status))) {
            fail("error reason not in the contract", answer.status + " \"" + reason + "\"", request, answer);
        }
    }

    /**
     * Every answer with a status line is held against docs/api/openapi.yaml, as every test's exchanges are: its
     * status documented for the operation (or for any request), its body valid against the documented schema with
     * its message among those listed; a request answered 2xx must be one the document accepts.
     */
    private void checkAgainstTheDocument(FuzzRequest request, Answer answer) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        request.headers().forEach(header -> sent.computeIfAbsent(header[0], name -> new ArrayList<>()).add(header[1]));
        var exchange = new OpenApiContract.Exchange(request.method(), request.path(), sent,
                request.body() == null ? new byte[0] : request.body(), answer.status, answer.headers, answer.body);
        for (String violation : OpenApiContract.document().violations(exchange, request.raw() == null)) {
            fail("not as the document describes", answer.status + " " + violation.replaceAll("[0-9a-f-]{36}", "…"),
                    request, answer);
        }
    }

    /**
     * What about a request made the server answer it before any of the application ran (no X-Request-Id), so
     * that the report can tell such answers apart.
     */
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    private static boolean refusedBeforeRead(FuzzRequest request) {
        long headerBytes = request.headers().stream()
                .mapToLong(header -> header[0].length() + header[1].length() + 4)
                .sum() + request.path().length();
        return (request.body() != null && request.body().length > MAX_BODY_BYTES) || headerBytes > MAX_HEADER_BYTES;
    }

    private static boolean isProtocolLevel(FuzzRequest request, Answer answer) {
        boolean raw = request.raw() != null;
        return raw && (answer.status == 501 || answer.status == 505
                || (answer.status == 200 && request.label().contains("OPTIONS *")));
    }

    private static String hint(FuzzRequest request) {
        if (request.raw() != null) {
            return request.label().replaceAll(".*raw #\\d+ ", "raw: ");
        }
        String path = request.path();
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String upper = pathOnly.toUpperCase(Locale.ROOT);
        int headerBytes = request.headers().stream().mapToInt(h -> h[0].length() + h[1].length() + 4).sum();
        if (path.length() + request.method().length() + headerBytes > 8000) {
            return "request line and headers over 8 KiB";
        }
        if (request.headers().size() > 100) {
            return "over 100 headers";
        }
        if (request.method().equals("TRACE")) {
            return "TRACE";
        }
        if (upper.contains("%00")) {
            return "%00 in path";
        }
        if (upper.contains("%2F") || upper.contains("%5C")) {
            return "encoded slash or backslash in path";
        }
        if (path.substring(pathOnly.length()).matches(".*[\\[\\]{}|].*")) {
            return "unencoded [ ] { } | in query";
        }
        if (!decodesAsUtf8(pathOnly)) {
            return "percent-encoded invalid UTF-8 in path";
        }
        if (upper.startsWith("/WEB-INF") || upper.startsWith("/META-INF")) {
            return "protected path /WEB-INF or /META-INF";
        }
        if (upper.contains("%2E%2E") || pathOnly.contains("/..")) {
            return "dot segments leaving the root";
        }
        return "other: " + request.label();
    }

    private static boolean decodesAsUtf8(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()
                    && path.substring(i + 1, i + 3).matches("[0-9A-Fa-f]{2}")) {
                bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException invalid) {
            return false;
        }
    }

    /**
     * The service logs every unexpected failure with the request id, maybe a moment after it answers: the cause is
     * awaited as it is logged, for at most 100 ms (an answer that is logged nowhere has no cause to show).
     */
    private String loggedCause(Answer answer) {
        String requestId = answer.header("x-request-id");
        if (requestId == null) {
            return null;
        }
        try {
            return loggedCause(requestId).get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notLogged) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private CompletableFuture<String> loggedCause(String requestId) {
        return loggedCauses.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    private void fail(String kind, String detail, FuzzRequest request, Answer answer) {
        // Same cause, same signature: ids, numbers and quoted values in messages are left out.
        String status = detail.matches("\\d{3} .*") ? detail.substring(0, 4) : "";
        String signature = kind + " | " + status + detail.substring(status.length())
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
                .replaceAll("\\[[^\\]]*\\]", "[..]")
                .replaceAll("\\d{3,}", "<n>");
        List<Failure> same = failures.computeIfAbsent(signature, s -> Collections.synchronizedList(new ArrayList<>()));
        same.add(new Failure(kind, signature, request, answer));
    }

    // -------------------------------------------------------------------------------------------- learning

    /** Ids from successful answers go into the pools, so later requests hit things that exist. */
    private void learn(FuzzRequest request, Answer answer, FuzzWorld world) {
        if (answer.transportError != null || answer.status < 200 || answer.status >= 300 || request.isHead()) {
            return;
        }
        Seller seller = request.seller();
        String method = request.method();
        try {
            switch (request.target()) {
                case CREATE_CUSTOMER -> {
                    if (answer.status == 201 && method.equals("POST")) {
                        JsonNode customer = Contract.JSON.readTree(answer.body);
                        seller.customers.add(customer.get("id").asString());
                        seller.emails.add(customer.get("email").asString());
                    }
                }
                case DELETE_CUSTOMER -> {
                    if (answer.status == 204 && method.equals("DELETE")) {
                        seller.customers.remove(request.pathId());
                    }
                }
                case CREATE_WEBHOOK -> {
                    if (answer.status == 201 && method.equals("POST")) {
                        seller.endpoints.add(Contract.JSON.readTree(answer.body).get("id").asString());
                        seller.liveEndpoints.incrementAndGet();
                    }
                }
                case DELETE_WEBHOOK -> {
                    if (answer.status == 204 && method.equals("DELETE")) {
                        seller.endpoints.remove(request.pathId());
                        seller.liveEndpoints.decrementAndGet();
                    }
                }
                case WEBHOOK_DELIVERIES -> {
                    if (answer.status == 200 && method.equals("GET") && request.pathId() != null) {
                        for (JsonNode delivery : Contract.JSON.readTree(answer.body).get("data")) {
                            seller.deliveries.add(request.pathId().toLowerCase(Locale.ROOT) + "/"
                                    + delivery.get("id").asString());
                        }
                    }
                }
                case EVENTS -> {
                    if (answer.status == 200 && method.equals("GET")) {
                        for (JsonNode event : Contract.JSON.readTree(answer.body).get("data")) {
                            seller.events.add(event.get("id").asString());
                        }
                    }
                }
                case CREATE_SELLER -> {
                    if (answer.status == 201 && method.equals("POST")) {
                        world.victimSellers.add(Contract.JSON.readTree(answer.body).get("id").asString());
                    }
                }
                case ISSUE_KEY -> {
                    if (answer.status == 201 && method.equals("POST")) {
                        JsonNode key = Contract.JSON.readTree(answer.body);
                        world.victimKeyIds.add(key.get("id").asString());
                        world.victimKeys.add(key.get("key").asString());
                    }
                }
                default -> {
                }
            }
        } catch (RuntimeException unexpectedShape) {
            fail("2xx body not as the contract says", answer.status + " " + unexpectedShape.getClass().getSimpleName(),
                    request, answer);
        }
    }

    // ----------------------------------------------------------------------------------------------- after

    private void stillHealthy() {
        Http.Response health = http.get("/actuator/health").send();
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json()).isEqualTo(Contract.JSON.readTree(
                "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}"));

        SellerWithKey seller = operator.sellerOn("starter");
        String email = Contract.uniqueEmail();
        Http.Response created = http.post("/api/customers").apiKey(seller.apiKey())
                .json("{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + email + "\"}").send();
        Contract.assertCreated(created);
        Http.Response read = http.get("/api/customers/" + created.field("id")).apiKey(seller.apiKey()).send();
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.field("email")).isEqualTo(email);
        assertThat(read.json()).isEqualTo(created.json());
        System.out.println("After the drill: /actuator/health is UP; create + get still work.");
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> counts = new TreeMap<>();
        adders.forEach((key, adder) -> counts.put(key, adder.sum()));
        return counts;
    }

    private void printSummary(int requests, double seconds) {
        StringBuilder out = new StringBuilder();
        long total = statuses.values().stream().mapToLong(LongAdder::sum).sum();
        out.append(String.format("%nFUZZ DRILL SUMMARY: %d requests (+%d burst) in %.1f s (%.0f requests/s)%n",
                requests, total - requests, seconds, requests / seconds));
        out.append(String.format("  %-12s %9s%n", "status", "count"));
        counts(statuses).forEach((status, count) -> out.append(String.format("  %-12s %9d%n", status, count)));
        out.append(String.format("  %-12s %9d%n", "total", total));
        out.append(String.format("  error answers without a body (not HEAD, not 204): %d %s%n", bodilessErrors.get(),
                new TreeMap<>(bodilessByStatus)));
        out.append(String.format("%n  %-58s %7s  %s%n", "target", "count", "statuses"));
        new TreeMap<>(statusesByTarget).forEach((target, byStatus) -> {
            Map<String, Long> counts = counts(byStatus);
            long sum = counts.values().stream().mapToLong(Long::longValue).sum();
            out.append(String.format("  %-58s %7d  %s%n", target, sum, counts));
        });
        long failed = failures.values().stream().mapToLong(List::size).sum();
        out.append(String.format("%n  failing answers: %d, distinct: %d%n", failed, failures.size()));
        new TreeMap<>(failures).forEach((signature, list) -> {
            Map<String, Integer> targets = new TreeMap<>();
            synchronized (list) {
                list.forEach(f -> targets.merge(f.request().target().label, 1, Integer::sum));
            }
            out.append(String.format("  %6d x  %s%n            on %s%n", list.size(), signature, targets));
        });
        System.out.println(out);
        if (!failures.isEmpty()) {
            System.out.println("One example of each kind of error answer without a body (allowed, but noted):");
            new TreeMap<>(bodilessExamples).values().forEach(example -> System.out.println(describe(example)));
            System.out.println("One example of each distinct failure:");
            new TreeMap<>(failures).values().forEach(list -> {
                synchronized (list) {
                    System.out.println(describe(list.getFirst()));
                }
            });
        }
    }

    /** Up to 20 failing requests: one of each distinct kind first, then more of the most frequent. */
    private String failureReport() {
        if (failures.isEmpty()) {
            return "no failures";
        }
        List<Failure> listed = new ArrayList<>();
        List<List<Failure>> groups = new ArrayList<>(new TreeMap<>(failures).values());
        for (int round = 0; listed.size() < MAX_LISTED && round < 20; round++) {
            for (List<Failure> group : groups) {
                synchronized (group) {
                    if (round < group.size() && listed.size() < MAX_LISTED) {
                        listed.add(group.get(round));
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder(String.format("%d distinct failures of the service, %d answers; "
                        + "the first %d:%n", failures.size(), failures.values().stream().mapToLong(List::size).sum(),
                listed.size()));
        for (Failure failure : listed) {
            report.append(describe(failure)).append('\n');
        }
        return report.toString();
    }

    private String describe(Failure failure) {
        FuzzRequest request = failure.request;
        Answer answer = failure.answer;
        StringBuilder text = new StringBuilder();
        text.append("--- ").append(failure.signature).append('\n');
        text.append("  request #").append(request.index()).append(" [").append(request.label()).append("]")
                .append(answer.sentRaw ? " (sent over a raw socket)" : "").append('\n');
        text.append("  ").append(request.method()).append(' ').append(shorten(request.path(), 300)).append('\n');
        for (String[] header : request.headers()) {
            text.append("  ").append(header[0]).append(": ").append(printable(header[1], 120)).append('\n');
        }
        if (request.body() != null) {
            text.append("  body (").append(request.body().length).append(" bytes").append(request.chunked()
                    ? ", chunked" : "").append("): ").append(printable(request.body(), 200)).append('\n');
        }
        if (answer.transportError != null) {
            text.append("  => no answer: ").append(answer.transportError).append('\n');
        } else {
            text.append("  => ").append(answer.status).append(' ').append(answer.headers).append('\n');
            text.append("     ").append(printable(answer.body, 300)).append('\n');
            String requestId = answer.header("x-request-id");
            String cause = requestId == null || !loggedCauses.containsKey(requestId) ? null
                    : loggedCauses.get(requestId).getNow(null);
            if (cause != null) {
                text.append("  service log, root cause: ").append(cause).append('\n');
            }
        }
        if (request.raw() == null && !answer.sentRaw) {
            text.append("  curl: ").append(curl(request)).append('\n');
        }
        return text.toString();
    }

    private static String curl(FuzzRequest request) {
        StringBuilder curl = new StringBuilder("curl -i");
        if (request.isHead()) {
            curl.append(" --head");
        } else if (!request.method().equals("GET") || request.body() != null) {
            curl.append(" -X ").append(request.method());
        }
        curl.append(" 'http://localhost:8080").append(shorten(request.path(), 300)).append('\'');
        for (String[] header : request.headers()) {
            String value = header[1].replace("'", "'\\''");
            curl.append(" -H '").append(header[0]).append(value.isEmpty() ? ";" : ": " + shorten(value, 120))
                    .append('\'');
        }
        if (request.body() != null) {
            curl.append(request.body().length <= 400 ? " --data-binary $'" + bashEscaped(request.body()) + "'"
                    : " --data-binary @body-of-" + request.body().length + "-bytes");
        }
        return curl.toString();
    }

    private static String bashEscaped(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0x20 && c < 0x7F && c != '\'' && c != '\\') {
                text.append((char) c);
            } else {
                text.append(String.format("\\x%02x", c));
            }
        }
        return text.toString();
    }

    private static String printable(byte[] bytes, int max) {
        return printable(new String(bytes, 0, Math.min(bytes.length, max * 4), StandardCharsets.UTF_8), max);
    }

    private static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> {
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                out.append(String.format("\\x%02x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > max) {
            out.append("...");
        }
        return out.toString();
    }

    private static String shorten(String text, int max) {
        return FuzzRequests.shorten(text, max);
    }
}
