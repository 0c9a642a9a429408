package com.virtualoffice.registration.drills;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests {@link java.net.http.HttpClient} refuses to send: invalid
 * percent-encoding, raw non-ASCII bytes in the request line, control characters in header values, duplicate
 * framing headers and the like. Every request is sent with {@code Connection: close} (added by the caller), so the
 * answer is read to the end of the stream when it has no length.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /**
     * An answer as read off the wire; {@code status} is -1 when the server closed without answering, 0 for an
     * HTTP/0.9 answer (to a request line without a version), which has neither status line nor headers.
     */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    }

    static Answer exchange(int port, byte[] request, boolean head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before it has read everything: read what it said.
            }
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            if (statusLine == null || statusLine.isEmpty()) {
                return new Answer(-1, Map.of(), new byte[0]);
            }
            if (!statusLine.startsWith("HTTP/")) {
                // An HTTP/0.9 answer: the body alone, without status line or headers.
                byte[] rest = in.readAllBytes();
                byte[] body = java.util.Arrays.copyOf(statusLine.getBytes(StandardCharsets.ISO_8859_1),
                        statusLine.length() + 1 + rest.length);
                body[statusLine.length()] = '\n';
                System.arraycopy(rest, 0, body, statusLine.length() + 1, rest.length);
                return new Answer(0, Map.of(), body);
            }
            String[] parts = statusLine.split(" ", 3);
            int status = parts.length > 1 ? parseStatus(parts[1]) : -1;
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            name -> new ArrayList<>()).add(header.substring(colon + 1).trim());
                }
            }
            byte[] body;
            if (head || status == 204 || status == 304 || (status >= 100 && status < 200)) {
                body = new byte[0];
            } else if (first(headers, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
                body = chunked(in);
            } else if (!first(headers, "content-length").isEmpty()) {
                body = in.readNBytes(Integer.parseInt(first(headers, "content-length")));
            } else {
                body = in.readAllBytes();
            }
            return new Answer(status, headers, body);
        }
    }

    private static int parseStatus(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException notAStatus) {
            return -1;
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? "" : values.getFirst();
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon >= 0 ? size.substring(0, semicolon) : size).trim(), 16);
            if (length == 0) {
                // Trailers, if any, up to the empty line.
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    /** A line up to CRLF (or LF), without it; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
