package com.virtualoffice.registration.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A receiver on 127.0.0.1 that answers its first connection a line at a time, one every 100 ms for a minute:
 * either the headers never end, or they end and the body never does. It notes when the sender hangs up.
 */
final class TrickleServer implements AutoCloseable {

    private static final Duration PACE = Duration.ofMillis(100);
    private static final int LINES = 600;

    private final ServerSocket server;
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private volatile Instant acceptedAt;
    private volatile Instant hungUpAt;

    TrickleServer(boolean headersEnd) {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofVirtual().start(() -> serve(headersEnd));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** How long the sender stayed connected, once it hung up; fails when it has not within the time given. */
    Duration heldFor(Duration within) throws InterruptedException {
        if (!hungUp.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the sender was still connected after " + within);
        }
        return Duration.between(acceptedAt, hungUpAt);
    }

    private void serve(boolean headersEnd) {
        try (Socket socket = server.accept()) {
            acceptedAt = Instant.now();
            readHead(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                    + (headersEnd ? "Content-Length: 1000000\r\n\r\n" : "")).getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < LINES; i++) {
                out.write((headersEnd ? "x" : "X-Slow-" + i + ": x\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // The trickle is the behaviour under test: a peer that keeps the connection busy, slowly.
                Thread.sleep(PACE);
            }
        } catch (IOException senderHungUp) {
            hungUpAt = Instant.now();
            hungUp.countDown();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the sender hung up before its request was complete");
            }
            matched = next == end[matched] ? matched + 1 : next == '\r' ? 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
