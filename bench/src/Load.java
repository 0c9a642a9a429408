import com.sun.net.httpserver.HttpServer;
import java.lang.management.ManagementFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP load generator for the benchmarks, run as a single source file: {@code java bench/src/Load.java}.
 * KEYS is one API key or several joined by commas: creates take them in turn, which spreads them over sellers.
 *
 * <pre>
 *   seller  URL ADMIN_TOKEN PLAN [COUNT]             -> prints "SELLER_ID API_KEY", one line per new seller
 *   seed    URL KEYS COUNT CONCURRENCY PREFIX [FROM]  -> registers COUNT customers PREFIX{FROM...}@example.com;
 *                                                       prints rate and statuses
 *   latency URL API_KEY REQUESTS PATH...             -> GETs each PATH REQUESTS times, one at a time; prints
 *                                                       "PATH p50_ms p99_ms"
 *   creates URL API_KEY REQUESTS PREFIX              -> REQUESTS creates one at a time; prints "p50_ms p99_ms"
 *   closed  URL KEYS CLIENTS WARMUP_S SECONDS PREFIX -> closed loop for each client count of CLIENTS (e.g.
 *                                                       1,8,32): each client sends its next create when the last
 *                                                       answered; one line per count: "clients creates/s p50_ms
 *                                                       p99_ms errors client_cpu_%"
 *   open    URL KEYS RATE WARMUP_S SECONDS PREFIX    -> creates at a fixed arrival rate, whatever the answers do;
 *                                                       prints "target/s creates/s p50_ms p99_ms errors"
 *   ceiling CLIENTS WARMUP_S SECONDS                 -> closed, against a server in this JVM that answers 201 at
 *                                                       once: what this client can send on this machine
 * </pre>
 *
 * Latencies are client-side, from sending a request to having read its whole answer; only 201s (200s for GETs)
 * count in rates and percentiles, everything else is an error and is itemised on stderr. Each client is a
 * virtual thread with a keep-alive connection of its own; creates go over plain sockets ({@link Connection}).
 */
public class Load {

    // One client for everything, HTTP/1.1 so that each connection is a plain keep-alive one (the default,
    // HTTP/2, would ask every new connection to upgrade). Its pool opens as many connections as requests are in
    // flight and keeps them for the next ones.
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");
    /** Connections an open loop sends on; more requests than that in flight wait for one to be free. */
    private static final int OPEN_LOOP_CONNECTIONS = 256;
    /** An open loop never has more requests waiting than this; the ones it cannot queue count as errors. */
    private static final int OPEN_LOOP_MAX_WAITING = 1024;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seller" -> seller(args[1], args[2], args[3], args.length > 4 ? Integer.parseInt(args[4]) : 1);
            case "seed" -> seed(args[1], keys(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args[5], args.length > 6 ? Long.parseLong(args[6]) : 0);
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]),
                    Arrays.asList(args).subList(4, args.length));
            case "creates" -> creates(args[1], args[2], Integer.parseInt(args[3]), args[4]);
            case "closed" -> closed(args[1], keys(args[2]),
                    Arrays.stream(args[3].split(",")).map(Integer::parseInt).toList(), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6]);
            case "open" -> open(args[1], keys(args[2]), Double.parseDouble(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), args[6]);
            case "ceiling" -> ceiling(Arrays.stream(args[1].split(",")).map(Integer::parseInt).toList(),
                    Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void seller(String url, String adminToken, String plan, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            String seller = post(url + "/admin/sellers", "Authorization", "Bearer " + adminToken,
                    "{\"name\":\"bench " + i + "\",\"plan\":\"" + plan + "\"}");
            String sellerId = first(ID, seller);
            String key = post(url + "/admin/sellers/" + sellerId + "/api-keys", "Authorization",
                    "Bearer " + adminToken, "{\"name\":\"bench\"}");
            System.out.println(sellerId + " " + first(KEY, key));
        }
    }

    static void seed(String url, List<String> keys, int count, int concurrency, String prefix, long from)
            throws Exception {
        Results results = new Results(201);
        AtomicLong next = new AtomicLong(from);
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                executor.submit(() -> {
                    try (Connection connection = new Connection(url)) {
                        for (long n = next.getAndIncrement(); n < from + count; n = next.getAndIncrement()) {
                            results.add(connection.create(keys.get((int) (n % keys.size())), prefix, n), 0);
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("seeded %d in %.1f s (%.0f/s) statuses %s%n", count, seconds, count / seconds,
                results.statuses);
    }

    static void latency(String url, String apiKey, int requests, List<String> paths) throws Exception {
        for (String path : paths) {
            Results results = new Results(200);
            // A tenth more first, uncounted: the client's own first requests run interpreted and would be the
            // slowest in the sample, however fast the service.
            for (int i = -requests / 10; i < requests; i++) {
                long start = System.nanoTime();
                var response = CLIENT.send(HttpRequest.newBuilder(URI.create(url + path)).header("X-API-Key", apiKey)
                        .GET().build(), BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + " "
                            + response.body());
                }
                if (i >= 0) {
                    results.add(200, System.nanoTime() - start);
                }
            }
            System.out.printf("%s %.2f %.2f%n", path, results.percentile(0.50), results.percentile(0.99));
        }
    }

    static void creates(String url, String apiKey, int requests, String prefix) {
        Results results = new Results(201);
        try (Connection connection = new Connection(url)) {
            for (int i = -requests / 10; i < requests; i++) { // uncounted warm-up, as in latency
                long start = System.nanoTime();
                int status = connection.create(apiKey, prefix, i + requests / 10);
                if (i >= 0) {
                    results.add(status, System.nanoTime() - start);
                }
            }
        }
        results.reportErrors("creates");
        System.out.printf("%.2f %.2f%n", results.percentile(0.50), results.percentile(0.99));
    }

    static void closed(String url, List<String> keys, List<Integer> clientCounts, int warmupSeconds, int seconds,
                       String prefix) throws Exception {
        AtomicLong sequence = new AtomicLong();
        for (int clients : clientCounts) {
            Results results = new Results(201);
            long measureFrom = System.nanoTime() + warmupSeconds * 1_000_000_000L;
            long end = measureFrom + seconds * 1_000_000_000L;
            double cpuSeconds;
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < clients; c++) {
                    executor.submit(() -> {
                        try (Connection connection = new Connection(url)) {
                            for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                                long n = sequence.getAndIncrement();
                                int status = connection.create(keys.get((int) (n % keys.size())), prefix + "-", n);
                                long done = System.nanoTime();
                                // Only answers inside the window count: the warm-up's are the JIT's and the
                                // connections' start, and what is still in flight at the end is not finished.
                                if (done >= measureFrom && done < end) {
                                    results.add(status, done - start);
                                }
                            }
                        }
                    });
                }
                sleepUntil(measureFrom);
                long cpuBefore = processCpuNanos();
                sleepUntil(end);
                cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            }
            results.reportErrors(clients + " clients");
            if (results.ok() == 0) {
                System.err.println(clients + " clients: no create answered inside the measured window");
            }
            // The client's share of all the machine's cores: it runs beside the service and PostgreSQL.
            double clientCpu = 100 * cpuSeconds / seconds / Runtime.getRuntime().availableProcessors();
            System.out.printf("%d %.1f %.2f %.2f %d %.0f%n", clients, results.ok() / (double) seconds,
                    results.percentile(0.50), results.percentile(0.99), results.errors(), clientCpu);
        }
    }

    static void open(String url, List<String> keys, double rate, int warmupSeconds, int seconds, String prefix)
            throws Exception {
        Results results = new Results(201);
        List<long[]> timeline = Collections.synchronizedList(new ArrayList<>());
        // Each request due is queued for the next free connection; its latency runs from when it was due, so a
        // service that falls behind makes the queued requests wait, and that wait is part of what callers see.
        BlockingQueue<Long> due = new LinkedBlockingQueue<>();
        long begin = System.nanoTime();
        long measureFrom = begin + warmupSeconds * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        long last = (long) Math.ceil((end - begin) * rate / 1e9);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < OPEN_LOOP_CONNECTIONS; c++) {
                executor.submit(() -> {
                    try (Connection connection = new Connection(url)) {
                        for (long n = due.take(); n < last; n = due.take()) {
                            long dueAt = begin + (long) (n * 1e9 / rate);
                            int status = connection.create(keys.get((int) (n % keys.size())), prefix + "-", n);
                            long latency = System.nanoTime() - dueAt;
                            if (dueAt >= measureFrom) {
                                results.add(status, latency);
                                timeline.add(new long[] {(dueAt - measureFrom) / 1_000_000_000L, status, latency});
                            }
                        }
                        due.add(last); // passes the end on to the next connection
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                });
            }
            for (long n = 0; n < last; n++) {
                long dueAt = begin + (long) (n * 1e9 / rate);
                sleepUntil(dueAt);
                if (due.size() >= OPEN_LOOP_MAX_WAITING) {
                    if (dueAt >= measureFrom) {
                        results.add(-2, 0); // not sent: too many waiting
                    }
                    continue;
                }
                due.add(n);
            }
            due.add(last);
        }
        results.reportErrors("open loop");
        String timelineFile = System.getenv("LOAD_TIMELINE");
        if (timelineFile != null) {
            writeTimeline(timelineFile, timeline, seconds,
                    System.currentTimeMillis() - (System.nanoTime() - measureFrom) / 1_000_000);
        }
        System.out.printf("%.1f %.1f %.2f %.2f %d%n", rate, results.ok() / (double) seconds,
                results.percentile(0.50), results.percentile(0.99), results.errors());
    }

    /**
     * Per second of due time: "second answered p50_ms p99_ms max_ms", to tell a steady tail from a stall; the
     * first line gives the wall-clock time of second 0, to find a stall in the service's logs.
     */
    static void writeTimeline(String file, List<long[]> samples, int seconds, long startMillis) throws Exception {
        List<List<Long>> perSecond = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            perSecond.add(new ArrayList<>());
        }
        synchronized (samples) {
            for (long[] sample : samples) {
                if (sample[1] == 201 && sample[0] < seconds) {
                    perSecond.get((int) sample[0]).add(sample[2]);
                }
            }
        }
        StringBuilder lines = new StringBuilder("# second 0 at " + Instant.ofEpochMilli(startMillis) + "\n");
        for (int s = 0; s < seconds; s++) {
            List<Long> second = perSecond.get(s);
            lines.append(s).append(' ').append(second.size());
            for (double p : new double[] {0.5, 0.99, 1.0}) {
                lines.append(String.format(" %.1f", Results.millisAt(second, p)));
            }
            lines.append('\n');
        }
        Files.writeString(Path.of(file), lines);
    }

    /**
     * The load generator's own ceiling, so that a report can show it is not what limits the service: the closed
     * loop against a server that does nothing but answer 201. The server shares the JVM and the cores, so the
     * figure is a lower bound of what the client alone could send.
     */
    static void ceiling(List<Integer> clientCounts, int warmupSeconds, int seconds) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[] body = "{}".getBytes();
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            closed("http://127.0.0.1:" + server.getAddress().getPort(), List.of("none"), clientCounts, warmupSeconds,
                    seconds, "ceiling");
        } finally {
            server.stop(0);
        }
    }

    /**
     * One keep-alive HTTP/1.1 connection, spoken over a plain socket. The JDK's HttpClient cost about as much CPU per
     * request as the service itself, on a machine whose two cores the client shares with the service and
     * PostgreSQL; this costs a write and a read or two.
     */
    static final class Connection implements AutoCloseable {

        private final String host;
        private final int port;
        private Socket socket;
        private BufferedInputStream in;
        private OutputStream out;

        Connection(String url) {
            URI uri = URI.create(url);
            this.host = uri.getHost();
            this.port = uri.getPort();
        }

        /** POSTs one customer, numbered n, and answers the status: -1 when no answer came. */
        int create(String apiKey, String prefix, long n) {
            String body = "{\"first_name\":\"First" + n + "\",\"last_name\":\"Last" + (n % 997)
                    + "\",\"email\":\"" + prefix + n + "@example.com\",\"company_name\":\"Company "
                    + (n % 5000) + "\",\"status\":\"" + (n % 10 == 0 ? "inactive" : "active") + "\"}";
            byte[] json = body.getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/customers HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nX-API-Key: " + apiKey
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            try {
                if (socket == null) {
                    socket = new Socket(host, port);
                    socket.setTcpNoDelay(true);
                    in = new BufferedInputStream(socket.getInputStream());
                    out = new BufferedOutputStream(socket.getOutputStream());
                }
                out.write(head);
                out.write(json);
                out.flush();
                return readAnswer();
            } catch (IOException | RuntimeException e) {
                close(); // the next request opens a new connection
                return -1;
            }
        }

        /** Reads one answer whole, keeps only its status, and closes the connection if the server asks to. */
        private int readAnswer() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = 0;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) { // trailers
                }
            } else {
                skip(length);
            }
            if (closing) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /** Latencies of the successful requests of one measurement, and a count per status, from any thread. */
    static final class Results {
        final int success;
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, AtomicLong> statuses = new ConcurrentSkipListMap<>();

        Results(int success) {
            this.success = success;
        }

        void add(int status, long latencyNanos) {
            statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            if (status == success) {
                nanos.add(latencyNanos);
            }
        }

        long ok() {
            return nanos.size();
        }

        long errors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() != success).mapToLong(e -> e.getValue().get())
                    .sum();
        }

        /** Nearest rank, in milliseconds; NaN when nothing succeeded. */
        double percentile(double p) {
            return millisAt(new ArrayList<>(nanos), p);
        }

        /** Nearest rank of {@code p} among the latencies, in milliseconds; NaN when there are none. Sorts them. */
        static double millisAt(List<Long> nanos, double p) {
            nanos.sort(null);
            return nanos.isEmpty() ? Double.NaN : nanos.get((int) Math.ceil(nanos.size() * p) - 1) / 1e6;
        }

        void reportErrors(String what) {
            if (errors() > 0) {
                System.err.println(what + ": statuses " + statuses + " (-1: no answer, -2: not sent)");
            }
        }
    }

    /** parkNanos may return early; a measurement window must not. */
    static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static List<String> keys(String commaSeparated) {
        return List.of(commaSeparated.split(","));
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String post(String url, String header, String value, String json) throws Exception {
        var response = CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header(header, value)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)).build(),
                BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }
}
