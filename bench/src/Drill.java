import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of the failure drills (bench/drills/), run as a single source file:
 * {@code java bench/src/Drill.java}. Its load behaves like a careful client: a create that got no definite answer
 * (no connection, a 5xx, no answer in time) is sent again with the same email until it gets one, so that after a
 * crash every email is either answered 201 once, or 409 because an earlier attempt did commit.
 *
 * <pre>
 *   sellers URL ADMIN_TOKEN COUNT               -> COUNT enterprise sellers with a key each: "SELLER_ID API_KEY" lines
 *   load    URL SELLERS CLIENTS LOG STOP [gets] -> CLIENTS concurrent clients create customers (and with "gets" read
 *                                                 one back after each create, and poll /actuator/health) until the
 *                                                 file STOP exists; every answer is a line of LOG
 *   check   URL ADMIN_TOKEN SELLERS LOG         -> every create answered 201 is there, no email twice in a seller,
 *                                                 counts agree, the tables equal a fresh replay; PASS/FAIL
 *   outage  LOG DOWN_MS UP_MS BOUND_MS RECOVERY_MS -> answers while PostgreSQL was down (DOWN_MS..UP_MS, epoch ms):
 *                                                 503 in the contract's shape within BOUND_MS, no 500, no hang; 201s
 *                                                 again within RECOVERY_MS of UP_MS; PASS/FAIL
 * </pre>
 *
 * A LOG line is {@code start_ms end_ms kind status shape seller email id}: kind is create, retry (a create sent
 * again), get or health; status -1 is no connection, -2 no answer within {@link #HANG}; shape is ok when the body
 * of an error answer is exactly the contract's {@code {"error","message"}} for its status.
 */
public class Drill {

    /** Longer than any answer may take: a request still open after this is a hang. */
    private static final Duration HANG = Duration.ofSeconds(30);
    /** A client that got no definite answer waits this long before it sends the create again. */
    private static final long RETRY_PAUSE_MS = 100;
    private static final long HEALTH_INTERVAL_MS = 200;
    /** After the stop file appears, a client still retrying its last create gives up after this long. */
    private static final long GIVE_UP_MS = 120_000;
    private static final int NO_CONNECTION = -1;
    private static final int NO_ANSWER = -2;
    private static final int PAGE = 100;

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
    private static final Pattern EMAIL = Pattern.compile("\"email\":\"([^\"]+)\"");
    private static final Pattern ERROR_BODY = Pattern.compile("\\{\"error\":\"([^\"]+)\",\"message\":\"[^\"]+\"}");
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 409, "Conflict", 429, "Too Many Requests",
            500, "Internal Server Error", 503, "Service Unavailable");

    public static void main(String[] args) throws Exception {
        int exit = switch (args[0]) {
            case "sellers" -> sellers(args[1], args[2], Integer.parseInt(args[3]));
            case "load" -> load(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Path.of(args[4]),
                    Path.of(args[5]), args.length > 6 && args[6].equals("gets"));
            case "check" -> check(args[1], args[2], Path.of(args[3]), Path.of(args[4]));
            case "outage" -> outage(Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]),
                    Long.parseLong(args[4]), Long.parseLong(args[5]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        System.exit(exit);
    }

    // ---- sellers ----

    static int sellers(String url, String adminToken, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            var seller = send(HttpRequest.newBuilder(URI.create(url + "/admin/sellers"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"name\":\"drill " + i + "\",\"plan\":\"enterprise\"}")));
            String sellerId = first(ID, seller.body());
            var key = send(HttpRequest.newBuilder(URI.create(url + "/admin/sellers/" + sellerId + "/api-keys"))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofString("{\"name\":\"drill\"}")));
            System.out.println(sellerId + " " + first(KEY, key.body()));
        }
        return 0;
    }

    // ---- load ----

    record Seller(String id, String key) {
    }

    record Answer(int status, String body) {
    }

    static int load(String url, Path sellersFile, int clients, Path logFile, Path stopFile, boolean gets)
            throws Exception {
        List<Seller> sellers = readSellers(sellersFile);
        String run = Long.toString(System.currentTimeMillis(), 36);
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        try (BufferedWriter log = Files.newBufferedWriter(logFile);
             var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Recorder recorder = new Recorder(log, counts);
            for (int c = 0; c < clients; c++) {
                Seller seller = sellers.get(c % sellers.size());
                String prefix = "d" + run + "-c" + c + "-";
                executor.submit(() -> {
                    client(url, seller, prefix, stopFile, gets, recorder);
                    return null;
                });
            }
            if (gets) {
                executor.submit(() -> {
                    health(url, stopFile, recorder);
                    return null;
                });
            }
        }
        System.out.println("load: " + new TreeMap<>(counts));
        return 0;
    }

    /** One client: creates one customer after another; a create without a definite answer is sent again. */
    static void client(String url, Seller seller, String prefix, Path stopFile, boolean gets, Recorder recorder)
            throws InterruptedException {
        List<String> created = new ArrayList<>();
        for (int n = 0; !Files.exists(stopFile); n++) {
            String email = prefix + n + "@example.com";
            String body = "{\"first_name\":\"Drill\",\"last_name\":\"Client " + n + "\",\"email\":\"" + email
                    + "\",\"company_name\":\"Drill " + prefix + "\"}";
            String kind = "create";
            long stoppedAt = 0;
            while (true) {
                long start = System.currentTimeMillis();
                Answer answer = call(HttpRequest.newBuilder(URI.create(url + "/api/customers"))
                        .header("X-API-Key", seller.key()).header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(body)));
                String id = answer.status() == 201 ? first(ID, answer.body()) : "-";
                recorder.record(start, kind, answer, seller.id(), email, id);
                if (answer.status() == 201) {
                    created.add(id);
                }
                if (definite(answer.status())) {
                    break;
                }
                if (Files.exists(stopFile)) {
                    stoppedAt = stoppedAt == 0 ? System.currentTimeMillis() : stoppedAt;
                    if (System.currentTimeMillis() - stoppedAt > GIVE_UP_MS) {
                        return;
                    }
                }
                kind = "retry";
                Thread.sleep(RETRY_PAUSE_MS);
            }
            if (gets && !created.isEmpty()) {
                String id = created.get(ThreadLocalRandom.current().nextInt(created.size()));
                long start = System.currentTimeMillis();
                Answer answer = call(HttpRequest.newBuilder(URI.create(url + "/api/customers/" + id))
                        .header("X-API-Key", seller.key()).GET());
                recorder.record(start, "get", answer, seller.id(), "-", id);
                if (answer.status() != 200) {
                    Thread.sleep(RETRY_PAUSE_MS);
                }
            }
        }
    }

    static void health(String url, Path stopFile, Recorder recorder) throws InterruptedException {
        while (!Files.exists(stopFile)) {
            long start = System.currentTimeMillis();
            Answer answer = call(HttpRequest.newBuilder(URI.create(url + "/actuator/health")).GET());
            recorder.record(start, "health", answer, "-", "-", "-");
            Thread.sleep(HEALTH_INTERVAL_MS);
        }
    }

    /** 2xx and the 4xx of the contract are answers; anything else leaves the outcome open. */
    static boolean definite(int status) {
        return status >= 200 && status < 500;
    }

    static Answer call(HttpRequest.Builder request) {
        try {
            var response = CLIENT.send(request.timeout(HANG).build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (HttpTimeoutException e) {
            return new Answer(NO_ANSWER, "");
        } catch (IOException e) {
            return new Answer(NO_CONNECTION, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_CONNECTION, "");
        }
    }

    static final class Recorder {
        private final BufferedWriter log;
        private final Map<String, AtomicInteger> counts;

        Recorder(BufferedWriter log, Map<String, AtomicInteger> counts) {
            this.log = log;
            this.counts = counts;
        }

        void record(long start, String kind, Answer answer, String seller, String email, String id) {
            long end = System.currentTimeMillis();
            String shape = kind.equals("health") || answer.status() < 0 ? "-" : shape(answer) ? "ok" : "bad";
            counts.computeIfAbsent(kind + " " + answer.status(), k -> new AtomicInteger()).incrementAndGet();
            String line = start + " " + end + " " + kind + " " + answer.status() + " " + shape + " " + seller + " "
                    + email + " " + id;
            synchronized (this) {
                try {
                    log.write(line);
                    log.newLine();
                    log.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** A success, or exactly {@code {"error":"<reason phrase>","message":"..."}}. */
    static boolean shape(Answer answer) {
        if (answer.status() < 400) {
            return true;
        }
        Matcher matcher = ERROR_BODY.matcher(answer.body());
        return matcher.matches() && matcher.group(1).equals(REASONS.get(answer.status()));
    }

    // ---- check ----

    record Line(long start, long end, String kind, int status, String shape, String seller, String email,
                String id) {
        static Line parse(String text) {
            String[] f = text.split(" ");
            return new Line(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], Integer.parseInt(f[3]), f[4], f[5],
                    f[6], f[7]);
        }

        long latency() {
            return end - start;
        }

        boolean isCreate() {
            return kind.equals("create") || kind.equals("retry");
        }
    }

    static int check(String url, String adminToken, Path sellersFile, Path logFile) throws Exception {
        Verdict verdict = new Verdict();
        Map<String, Seller> sellers = new LinkedHashMap<>();
        readSellers(sellersFile).forEach(seller -> sellers.put(seller.id(), seller));
        List<Line> lines = readLog(logFile);

        // The attempts of each email, in order: a client sends one email at a time.
        Map<String, List<Line>> attempts = new LinkedHashMap<>();
        lines.stream().filter(Line::isCreate)
                .forEach(line -> attempts.computeIfAbsent(line.seller() + " " + line.email(), k -> new ArrayList<>())
                        .add(line));
        Map<String, Set<String>> expected = new HashMap<>();   // seller -> ids that must exist
        Map<String, Map<String, String>> answered = new HashMap<>(); // seller -> id -> email, for the 201s
        Map<String, Set<String>> committed = new HashMap<>();  // seller -> emails answered 409 on a retry
        Map<String, Set<String>> unsettled = new HashMap<>();  // seller -> emails without a definite answer
        int created = 0, uncertain = 0, committedUnanswered = 0;
        for (var entry : attempts.entrySet()) {
            List<Line> tries = entry.getValue();
            String seller = tries.get(0).seller();
            String email = tries.get(0).email();
            List<Line> succeeded = tries.stream().filter(t -> t.status() == 201).toList();
            Line last = tries.get(tries.size() - 1);
            boolean retried = tries.size() > 1;
            uncertain += tries.size() - 1;
            if (succeeded.size() > 1) {
                verdict.fail("email " + email + " answered 201 " + succeeded.size() + " times");
            }
            if (succeeded.size() == 1) {
                created++;
                expected.computeIfAbsent(seller, s -> new HashSet<>()).add(succeeded.get(0).id());
                answered.computeIfAbsent(seller, s -> new HashMap<>()).put(succeeded.get(0).id(), email);
            } else if (last.status() == 409 && retried) {
                // An earlier attempt committed but its answer never arrived: the customer must exist once.
                committedUnanswered++;
                committed.computeIfAbsent(seller, s -> new HashSet<>()).add(email.toLowerCase(Locale.ROOT));
            } else if (last.status() == 409) {
                verdict.fail("first create of " + email + " answered 409: the email was never sent before");
            } else if (definite(last.status())) {
                verdict.fail("create of " + email + " answered " + last.status());
            } else {
                unsettled.computeIfAbsent(seller, s -> new HashSet<>()).add(email.toLowerCase(Locale.ROOT));
            }
        }

        // Every seller's whole list: the 201s all there, nothing else but the unsettled, each email once.
        int listed = 0;
        for (Seller seller : sellers.values()) {
            Map<String, String> customers = listAll(url, seller);
            listed += customers.size();
            Map<String, Integer> emails = new HashMap<>();
            customers.values().forEach(e -> emails.merge(e.toLowerCase(Locale.ROOT), 1, Integer::sum));
            emails.forEach((email, n) -> {
                if (n > 1) {
                    verdict.fail("seller " + seller.id() + " lists " + email + " " + n + " times");
                }
            });
            Set<String> mustExist = expected.getOrDefault(seller.id(), Set.of());
            Set<String> committedEmails = committed.getOrDefault(seller.id(), Set.of());
            Set<String> mayExist = unsettled.getOrDefault(seller.id(), Set.of());
            long missing = mustExist.stream().filter(id -> !customers.containsKey(id)).count();
            if (missing > 0) {
                verdict.fail("seller " + seller.id() + ": " + missing + " customers answered 201 are not listed");
            }
            long missingCommitted = committedEmails.stream().filter(email -> !emails.containsKey(email)).count();
            if (missingCommitted > 0) {
                verdict.fail("seller " + seller.id() + ": " + missingCommitted + " emails answered 409 on a retry"
                        + " are not listed");
            }
            customers.forEach((id, email) -> {
                String lower = email.toLowerCase(Locale.ROOT);
                if (!mustExist.contains(id) && !committedEmails.contains(lower) && !mayExist.contains(lower)) {
                    verdict.fail("seller " + seller.id() + " lists " + id + " (" + email + "), never created");
                }
            });
            var sellerJson = send(HttpRequest.newBuilder(URI.create(url + "/admin/sellers/" + seller.id()))
                    .header("Authorization", "Bearer " + adminToken).GET()).body();
            int count = Integer.parseInt(first(Pattern.compile("\"customer_count\":(\\d+)"), sellerJson));
            if (count != customers.size()) {
                verdict.fail("seller " + seller.id() + " counts " + count + " customers but lists "
                        + customers.size());
            }
        }

        // Each customer answered 201, read back by id.
        AtomicInteger read = new AtomicInteger();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var inFlight = new java.util.concurrent.Semaphore(16);
            answered.forEach((sellerId, customers) -> customers.forEach((id, email) -> {
                inFlight.acquireUninterruptibly();
                executor.submit(() -> {
                    try {
                        Answer answer = call(HttpRequest.newBuilder(URI.create(url + "/api/customers/" + id))
                                .header("X-API-Key", sellers.get(sellerId).key()).GET());
                        if (answer.status() == 200 && email.equals(first(EMAIL, answer.body()))) {
                            read.incrementAndGet();
                        } else {
                            verdict.fail("GET " + id + " answered " + answer.status() + " " + answer.body());
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            }));
        }

        var verify = send(HttpRequest.newBuilder(URI.create(url + "/admin/projections/read-models/verify"))
                .header("Authorization", "Bearer " + adminToken).POST(BodyPublishers.noBody()));
        if (verify.status() != 200 || !verify.body().contains("\"equal\":true")) {
            verdict.fail("read models differ from a fresh replay: " + verify.body());
        }
        long fiveHundreds = lines.stream().filter(l -> l.status() == 500).count();
        long badShapes = lines.stream().filter(l -> l.shape().equals("bad")).count();
        long notFound = lines.stream().filter(l -> l.kind().equals("get") && l.status() == 404).count();
        if (fiveHundreds > 0) {
            verdict.fail(fiveHundreds + " answers were 500");
        }
        if (badShapes > 0) {
            verdict.fail(badShapes + " error answers were not in the contract's shape");
        }
        if (notFound > 0) {
            verdict.fail(notFound + " reads of a customer answered 201 earlier were 404");
        }
        long openOutcomes = unsettled.values().stream().mapToLong(Set::size).sum();

        System.out.printf("check: %d sellers; %d creates answered 201, %d attempts sent again after no definite"
                        + " answer, %d emails committed with the answer lost (409 on a retry), %d never settled;"
                        + " %d customers listed, %d read back by id; verify: %s%n",
                sellers.size(), created, uncertain, committedUnanswered, openOutcomes, listed, read.get(),
                verify.body().length() > 120 ? verify.body().substring(0, 120) + "..." : verify.body());
        System.out.println("statuses: " + statuses(lines, l -> true));
        return verdict.report("data after the drill");
    }

    static Map<String, String> listAll(String url, Seller seller) throws Exception {
        Map<String, String> customers = new LinkedHashMap<>();
        String after = null;
        while (true) {
            String query = "?limit=" + PAGE + (after == null ? "" : "&starting_after="
                    + URLEncoder.encode(after, StandardCharsets.UTF_8));
            var page = send(HttpRequest.newBuilder(URI.create(url + "/api/customers" + query))
                    .header("X-API-Key", seller.key()).GET());
            Matcher ids = ID.matcher(page.body());
            Matcher emails = EMAIL.matcher(page.body());
            while (ids.find()) {
                // Each customer object holds one "id" and one "email" (seller_id does not match "id").
                if (!emails.find()) {
                    throw new IllegalStateException("no email after " + ids.group(1));
                }
                after = ids.group(1);
                customers.put(after, emails.group(1));
            }
            if (!page.body().contains("\"has_more\":true")) {
                return customers;
            }
        }
    }

    // ---- outage ----

    static int outage(Path logFile, long down, long up, long boundMs, long recoveryMs) throws Exception {
        Verdict verdict = new Verdict();
        List<Line> lines = readLog(logFile);
        Predicate<Line> api = l -> !l.kind().equals("health");
        Predicate<Line> overlapsOutage = l -> l.start() < up && l.end() > down;
        List<Line> during = lines.stream().filter(api).filter(overlapsOutage).toList();
        long maxLatency = during.stream().mapToLong(Line::latency).max().orElse(0);
        long max503 = during.stream().filter(l -> l.status() == 503).mapToLong(Line::latency).max().orElse(0);
        long unavailable = during.stream().filter(l -> l.status() == 503).count();
        long maxHealth = lines.stream().filter(l -> l.kind().equals("health")).filter(overlapsOutage)
                .mapToLong(Line::latency).max().orElse(0);
        if (unavailable == 0) {
            verdict.fail("no 503 while PostgreSQL was down: did it stop?");
        }
        if (maxLatency > boundMs) {
            verdict.fail("an answer during the outage took " + maxLatency + " ms, over the bound of " + boundMs);
        }
        if (maxHealth > boundMs) {
            verdict.fail("/actuator/health took " + maxHealth + " ms during the outage, over " + boundMs);
        }
        for (String failure : List.of("500", "-1", "-2")) {
            long n = lines.stream().filter(l -> Integer.toString(l.status()).equals(failure)).count();
            if (n > 0) {
                verdict.fail(n + " answers " + switch (failure) {
                    case "-1" -> "lost their connection";
                    case "-2" -> "hung past " + HANG.toSeconds() + " s";
                    default -> "were 500";
                });
            }
        }
        long badShapes = lines.stream().filter(l -> l.shape().equals("bad")).count();
        if (badShapes > 0) {
            verdict.fail(badShapes + " error answers were not in the contract's shape");
        }

        // Recovery: the first create answered 201 that was sent after PostgreSQL was back, and health UP.
        var recovered = lines.stream().filter(Line::isCreate).filter(l -> l.start() >= up && l.status() == 201)
                .mapToLong(Line::end).min();
        var healthUp = lines.stream().filter(l -> l.kind().equals("health"))
                .filter(l -> l.start() >= up && l.status() == 200).mapToLong(Line::end).min();
        if (recovered.isEmpty() || recovered.getAsLong() - up > recoveryMs) {
            verdict.fail("no create answered 201 within " + recoveryMs + " ms of PostgreSQL's restart");
        }
        if (healthUp.isEmpty() || healthUp.getAsLong() - up > recoveryMs) {
            verdict.fail("/actuator/health not UP within " + recoveryMs + " ms of PostgreSQL's restart");
        }
        long failedAfter = recovered.isEmpty() ? 0 : lines.stream()
                .filter(l -> l.start() > recovered.getAsLong() && l.status() >= 500).count();
        if (failedAfter > 0) {
            verdict.fail(failedAfter + " answers were 5xx after the service had recovered");
        }

        System.out.printf("outage: PostgreSQL down %.1f s; %d API answers overlapped it, statuses %s; max latency"
                        + " %d ms (503s: max %d ms, bound %d ms); /actuator/health max %d ms, statuses %s%n",
                (up - down) / 1000.0, during.size(), statuses(during, l -> true), maxLatency, max503, boundMs,
                maxHealth, statuses(lines, l -> l.kind().equals("health") && overlapsOutage.test(l)));
        System.out.printf("recovery: first 201 %s ms and /actuator/health UP %s ms after PostgreSQL was started;"
                        + " %d 5xx after that%n",
                recovered.isPresent() ? recovered.getAsLong() - up : "never",
                healthUp.isPresent() ? healthUp.getAsLong() - up : "never", failedAfter);
        System.out.println("statuses over the whole run: " + statuses(lines, l -> true));
        return verdict.report("behaviour during the outage");
    }

    // ---- shared ----

    static final class Verdict {
        private final List<String> failures = new ArrayList<>();

        synchronized void fail(String failure) {
            failures.add(failure);
        }

        int report(String what) {
            if (failures.isEmpty()) {
                System.out.println("PASS " + what);
                return 0;
            }
            failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
            System.out.println("FAIL " + what + ": " + failures.size() + " failures");
            return 1;
        }
    }

    static Map<String, Long> statuses(List<Line> lines, Predicate<Line> which) {
        Map<String, Long> counts = new TreeMap<>();
        lines.stream().filter(which).forEach(l -> counts.merge(l.kind() + " " + l.status(), 1L, Long::sum));
        return counts;
    }

    static List<Seller> readSellers(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> l.split(" "))
                .map(f -> new Seller(f[0], f[1])).toList();
    }

    static List<Line> readLog(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(Line::parse).toList();
    }

    static Answer send(HttpRequest.Builder request) throws Exception {
        var response = CLIENT.send(request.timeout(HANG).build(), BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + " "
                    + response.body());
        }
        return new Answer(response.statusCode(), response.body());
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
