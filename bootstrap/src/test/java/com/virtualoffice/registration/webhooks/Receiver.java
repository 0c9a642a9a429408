package com.virtualoffice.registration.webhooks;

import static com.virtualoffice.registration.support.Contract.JSON;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.virtualoffice.registration.support.OpenApiContract;
import com.virtualoffice.registration.support.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A webhook receiver on 127.0.0.1 (port 0) that a test programs: answer a status, or hang without answering until
 * it is closed, for any path. It records every request it gets: method, path, headers, raw body, arrival time and
 * what it answered. Arrival times are the service's clock's ({@link TestClock}), to compare with the times it
 * records.
 */
final class Receiver implements AutoCloseable {

    /**
     * What the receiver does with one request: answer this status at once, or hang, answering nothing until the
     * receiver closes: longer than any deadline of the service, without a test having to wait one out.
     */
    record Behaviour(boolean hangs, int status) {

        static Behaviour answer(int status) {
            return new Behaviour(false, status);
        }

        static Behaviour hang() {
            return new Behaviour(true, 200);
        }
    }

    /** One request as it arrived, and what the receiver did with it. */
    record Receipt(String method, String path, Map<String, List<String>> headers, byte[] body, Instant arrivedAt,
                   Behaviour behaviour) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(body);
        }

        String eventId() {
            return json().get("id").asString();
        }

        /** Answered 2xx at once, within any timeout: a successful delivery. */
        boolean succeeded() {
            return !behaviour.hangs() && behaviour.status() >= 200 && behaviour.status() < 300;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Receipt> receipts = new ArrayList<>();
    private final List<String> contractViolations = new ArrayList<>();
    private final Map<String, Deque<Behaviour>> scripts = new TreeMap<>();
    private final Map<String, Behaviour> defaults = new TreeMap<>();
    private Behaviour fallback = Behaviour.answer(200);
    /** Every path of this receiver starts with it, so endpoints left over from other tests never count here. */
    private final String prefix = "/r" + java.util.UUID.randomUUID().toString().replace("-", "");

    Receiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The URL of a path on this receiver, e.g. {@code url("/hook")}. */
    String url(String path) {
        return url("127.0.0.1", path);
    }

    /** The URL of a path on this receiver, with a host name of the test's choosing (see TestHosts). */
    String url(String host, String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + prefix + path;
    }

    /** From now on, every request to any path without its own behaviour gets this. */
    synchronized Receiver always(Behaviour behaviour) {
        fallback = behaviour;
        return this;
    }

    /** From now on, requests to this path get this (after any scripted ones). */
    synchronized Receiver always(String path, Behaviour behaviour) {
        defaults.put(path, behaviour);
        return this;
    }

    /** The next requests to this path get these, one each, before the path's lasting behaviour applies again. */
    synchronized Receiver next(String path, Behaviour... behaviours) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(behaviours));
        return this;
    }

    synchronized List<Receipt> receipts() {
        return List.copyOf(receipts);
    }

    synchronized List<Receipt> receipts(String path) {
        return receipts.stream().filter(receipt -> receipt.path().equals(path)).toList();
    }

    private synchronized Behaviour behaviourFor(String path) {
        Deque<Behaviour> script = scripts.get(path);
        if (script != null && !script.isEmpty()) {
            return script.removeFirst();
        }
        return defaults.getOrDefault(path, fallback);
    }

    /**
     * The path's receipts once there are at least {@code count}: woken by each arrival, for deliveries the service
     * sends on its own schedule; an assertion error after 10 s.
     */
    synchronized List<Receipt> awaitReceipts(String path, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (receipts(path).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("receipts at " + path + ": " + receipts(path).size() + " of " + count);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return receipts(path);
    }

    private synchronized void record(Receipt receipt) {
        receipts.add(receipt);
        notifyAll();
        if (receipt.method().equals("POST")) {
            contractViolations.addAll(OpenApiContract.document().deliveryViolations(receipt.headers(), receipt.body()));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant arrived = TestClock.now();
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String fullPath = exchange.getRequestURI().getPath();
            if (!fullPath.startsWith(prefix)) {
                exchange.sendResponseHeaders(410, -1);
                return;
            }
            String path = fullPath.substring(prefix.length());
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
            Behaviour behaviour = behaviourFor(path);
            record(new Receipt(exchange.getRequestMethod(), path, headers, body, arrived, behaviour));
            if (behaviour.hangs()) {
                try {
                    closed.await();
                    return;
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(behaviour.status(), answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException clientGone) {
            // The sender gave up waiting (its timeout): nothing to answer to.
        }
    }

    /** Fails the test that used this receiver when a delivery was not as docs/api/openapi.yaml describes it. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
        synchronized (this) {
            if (!contractViolations.isEmpty()) {
                throw new AssertionError("Deliveries not as docs/api/openapi.yaml's webhooks describe them:\n  "
                        + String.join("\n  ", contractViolations));
            }
        }
    }
}
