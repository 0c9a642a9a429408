import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP load generator for the benchmarks, run as a single source file: {@code java bench/src/Load.java}.
 *
 * <pre>
 *   seller  URL ADMIN_TOKEN PLAN                  -> prints "SELLER_ID API_KEY"
 *   seed    URL API_KEY COUNT CONCURRENCY PREFIX  -> registers COUNT customers; prints rate and statuses
 *   latency URL API_KEY REQUESTS PATH...          -> GETs each PATH REQUESTS times, one at a time; prints
 *                                                     "PATH p50_ms p99_ms"
 * </pre>
 */
public class Load {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("\"key\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seller" -> seller(args[1], args[2], args[3]);
            case "seed" -> seed(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), args[5]);
            case "latency" -> latency(args[1], args[2], Integer.parseInt(args[3]),
                    Arrays.asList(args).subList(4, args.length));
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void seller(String url, String adminToken, String plan) throws Exception {
        String seller = post(url + "/admin/sellers", "Authorization", "Bearer " + adminToken,
                "{\"name\":\"bench\",\"plan\":\"" + plan + "\"}");
        String sellerId = first(ID, seller);
        String key = post(url + "/admin/sellers/" + sellerId + "/api-keys", "Authorization", "Bearer " + adminToken,
                "{\"name\":\"bench\"}");
        System.out.println(sellerId + " " + first(KEY, key));
    }

    static void seed(String url, String apiKey, int count, int concurrency, String prefix) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                int n = i;
                executor.submit(() -> {
                    try {
                        String body = "{\"first_name\":\"First" + n + "\",\"last_name\":\"Last" + (n % 997)
                                + "\",\"email\":\"" + prefix + n + "@example.com\",\"company_name\":\"Company "
                                + (n % 5000) + "\",\"status\":\"" + (n % 10 == 0 ? "inactive" : "active") + "\"}";
                        var response = CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/api/customers"))
                                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofString(body)).build(), BodyHandlers.discarding());
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                    } catch (Exception e) {
                        statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("seeded %d in %.1f s (%.0f/s) statuses %s%n", count, seconds, count / seconds, statuses);
    }

    static void latency(String url, String apiKey, int requests, List<String> paths) throws Exception {
        for (String path : paths) {
            List<Long> nanos = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                var response = CLIENT.send(HttpRequest.newBuilder(URI.create(url + path)).header("X-API-Key", apiKey)
                        .GET().build(), BodyHandlers.ofString());
                nanos.add(System.nanoTime() - start);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + " "
                            + response.body());
                }
            }
            nanos.sort(null);
            System.out.printf("%s %.2f %.2f%n", path, nanos.get(nanos.size() / 2) / 1e6,
                    nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6);
        }
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
