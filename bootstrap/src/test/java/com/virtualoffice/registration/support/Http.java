package com.virtualoffice.registration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client against the running service, so tests see exactly what a client sees. Every exchange is
 * held against the contract, docs/api/openapi.yaml ({@link OpenApiContract}): an answer the document does not
 * describe fails the test that received it.
 */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String baseUrl;

    public Http(int port) {
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.baseUrl = "http://localhost:" + port;
    }

    /**
     * A client that connects from the given loopback address (any of 127.0.0.0/8), so that the service sees a
     * client address of its own.
     */
    public static Http from(String loopbackAddress, int port) {
        return new Http(port, loopbackAddress);
    }

    private Http(int port, String localAddress) {
        try {
            this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                    .localAddress(java.net.InetAddress.getByName(localAddress)).build();
        } catch (java.net.UnknownHostException notALiteral) {
            throw new IllegalArgumentException(localAddress, notALiteral);
        }
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public Request request(String method, String path) {
        return new Request(method, path);
    }

    public Request get(String path) {
        return request("GET", path);
    }

    public Request post(String path) {
        return request("POST", path);
    }

    public final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request apiKey(String key) {
            return header("X-API-Key", key);
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** A JSON body, sent with {@code Content-Type: application/json}. */
        public Request json(String json) {
            headers.putIfAbsent("Content-Type", "application/json");
            return body(json.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        public Response send() {
            BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body);
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(TIMEOUT)
                    .method(method, publisher);
            headers.forEach(builder::header);
            try {
                var response = client.send(builder.build(), BodyHandlers.ofString());
                Map<String, List<String>> sent = new LinkedHashMap<>();
                headers.forEach((name, value) -> sent.put(name, List.of(value)));
                OpenApiContract.assertConforms(new OpenApiContract.Exchange(method, path, sent,
                        body == null ? new byte[0] : body, response.statusCode(), response.headers().map(),
                        response.body().getBytes(StandardCharsets.UTF_8)));
                return new Response(response.statusCode(), response.body(),
                        response.headers().firstValue("Content-Type"), response.headers().map());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(int status, String body, Optional<String> contentType,
                           Map<String, List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String field(String name) {
            JsonNode value = json().get(name);
            return value == null || value.isNull() ? null : value.asString();
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }
    }
}
