package com.virtualoffice.registration.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The committed contract, {@code docs/api/openapi.yaml}, as the judge of every exchange a test makes: the answer's
 * status must be documented for the operation, its headers marked required must be there, and its body must
 * validate against the documented schema (which lists every field and, for errors, every message). A request the
 * service accepted (2xx) must be one the document accepts: its body, its query parameters, its credentials.
 *
 * <p>A method and path that match no operation must get the document's {@code RouteNotFound}; the few answers any
 * request may get before an operation sees it are under {@code x-answers-to-any-request}.
 */
public final class OpenApiContract {

    /** The committed document, found from the module's directory (where Maven runs the tests). */
    public static final Path DOCUMENT = Path.of("..", "docs", "api", "openapi.yaml");
    private static final String BASE = "https://contract.test/openapi.json";
    private static final String ACTUATOR = "/actuator/";
    /** The path parameter of static files, which matches the rest of the path. */
    private static final String STATIC_FILE = "{file}";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiContract INSTANCE = new OpenApiContract(DOCUMENT);

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    OpenApiContract(Path file) {
        try {
            this.document = YAMLMapper.builder().build().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String json = JSON.writeValueAsString(document);
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(BASE, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public static OpenApiContract document() {
        return INSTANCE;
    }

    public JsonNode tree() {
        return document;
    }

    /** One request as sent and its answer as received; a body is empty when there was none. */
    public record Exchange(String method, String target, Map<String, List<String>> requestHeaders,
                           byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                           byte[] responseBody) {
    }

    /** Fails with every way the exchange departs from the document. */
    public static void assertConforms(Exchange exchange) {
        List<String> violations = INSTANCE.violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("Not as docs/api/openapi.yaml describes: " + exchange.method() + " "
                    + exchange.target() + " -> " + exchange.status() + " "
                    + new String(exchange.responseBody(), StandardCharsets.UTF_8) + "\n  " + String.join("\n  ",
                    violations));
        }
    }

    /** The operation a method and path name: its path template, and the method's key in the document. */
    public record Operation(String template, String method) {

        String pointer() {
            return "/paths/" + escape(template) + "/" + method;
        }
    }

    public Optional<Operation> operation(String method, String path) {
        if (!method.equals(method.toUpperCase(Locale.ROOT))) {
            // Methods are case-sensitive: "get" is no operation's.
            return Optional.empty();
        }
        String key = method.equals("HEAD") ? "get" : method.toLowerCase(Locale.ROOT);
        return template(path).filter(template -> document.get("paths").get(template).has(key))
                .map(template -> new Operation(template, key));
    }

    /** The document's path that names this path, literal segments preferred over templated ones. */
    public Optional<String> template(String path) {
        String[] all = path.split("/", -1);
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.get("paths").propertyNames().iterator(); it.hasNext(); ) {
            String template = it.next();
            String[] parts = template.split("/", -1);
            // A static file's name may hold slashes (pages/seller.js), which a path template cannot say.
            String[] segments = parts[parts.length - 1].equals(STATIC_FILE) && all.length > parts.length
                    ? path.split("/", parts.length)
                    : all;
            if (parts.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < parts.length && matches; i++) {
                if (parts[i].startsWith("{") && parts[i].endsWith("}")) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = parts[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = template;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    public List<String> violations(Exchange exchange) {
        return violations(exchange, true);
    }

    /**
     * With {@code requestKnown} false (a request sent as raw bytes, whose headers the caller does not have) only the
     * answer is checked.
     */
    public List<String> violations(Exchange exchange, boolean requestKnown) {
        String target = exchange.target();
        int query = target.indexOf('?');
        // Like Spring, matching ignores ";name=value" path parameters (e.g. ";jsessionid=1").
        String path = (query < 0 ? target : target.substring(0, query)).replaceAll(";[^/]*", "");
        String method = exchange.method();
        if (path.startsWith(ACTUATOR) && template(path).isEmpty()) {
            // Actuator endpoints the document does not list are the operators' (docs/operations.md), not the API's.
            return List.of();
        }
        Optional<Operation> operation = path.startsWith("/") ? operation(method, path) : Optional.empty();
        String status = Integer.toString(exchange.status());
        List<String> violations = new ArrayList<>();
        if (operation.isEmpty() && method.equals("OPTIONS") && template(path).isPresent()) {
            // OPTIONS on a route lists its methods in Allow (200, no body), after the route's authentication.
            operation = optionsAnswer(template(path).get(), status);
            if (exchange.status() == 200 && exchange.responseBody().length == 0) {
                return violations;
            }
        }
        if (operation.isEmpty()) {
            violations.addAll(anyRequest(status, exchange, true));
            return violations;
        }
        String responsesPointer = operation.get().pointer() + "/responses";
        JsonNode response = document.at(responsesPointer).get(status);
        if (response == null) {
            List<String> generic = anyRequest(status, exchange, false);
            if (!generic.isEmpty()) {
                violations.add("status " + status + " is not documented for " + method + " " + operation.get()
                        .template() + " (documented: " + document.at(responsesPointer).propertyNames() + ")");
            }
            return violations;
        }
        List<String> found = response(responsesPointer + "/" + status, exchange);
        if (!found.isEmpty() && anyRequest(status, exchange, false).isEmpty()) {
            return violations;
        }
        violations.addAll(found);
        if (requestKnown && exchange.status() >= 200 && exchange.status() < 300 && !method.equals("OPTIONS")) {
            violations.addAll(request(operation.get(), exchange, query < 0 ? "" : target.substring(query + 1)));
        }
        return violations;
    }

    /** The first operation of the path that documents this status: OPTIONS passes through its interceptors. */
    private Optional<Operation> optionsAnswer(String template, String status) {
        JsonNode item = document.get("paths").get(template);
        for (String method : item.propertyNames()) {
            if (item.get(method).path("responses").has(status)) {
                return Optional.of(new Operation(template, method));
            }
        }
        return Optional.empty();
    }

    /**
     * A webhook delivery as a receiver got it, against the document's {@code webhooks: customerEvent}: the body is an
     * event, and every header parameter it marks required is there and valid.
     */
    public List<String> deliveryViolations(Map<String, List<String>> headers, byte[] body) {
        String operation = "/webhooks/customerEvent/post";
        List<String> violations = new ArrayList<>(validate(operation + "/requestBody/content/application~1json/schema",
                body, "delivery"));
        for (int i = 0; i < document.at(operation + "/parameters").size(); i++) {
            String pointer = operation + "/parameters/" + i;
            JsonNode parameter = document.at(pointer);
            Optional<String> value = first(headers, parameter.get("name").asString());
            if (value.isEmpty()) {
                violations.add("the delivery lacks the header " + parameter.get("name").asString());
            } else {
                violations.addAll(validate(pointer + "/schema", JsonNodeFactory.instance.stringNode(value.get()),
                        "header " + parameter.get("name").asString()));
            }
        }
        return violations;
    }

    /** An answer any request may get; 404 "Route ... not found" only where no operation matches. */
    private List<String> anyRequest(String status, Exchange exchange, boolean noOperation) {
        JsonNode generic = document.get("x-answers-to-any-request").get(status);
        if (generic == null || (status.equals("404") && !noOperation)) {
            return List.of("status " + status + " is not documented for " + exchange.method() + " "
                    + exchange.target() + (noOperation ? ", which no operation describes" : ""));
        }
        return response("/x-answers-to-any-request/" + status, exchange);
    }

    /** The answer against a response object (or a reference to one) at this pointer. */
    private List<String> response(String pointer, Exchange exchange) {
        String at = resolve(pointer);
        JsonNode response = document.at(at);
        List<String> violations = new ArrayList<>();
        JsonNode headers = response.path("headers");
        for (Iterator<String> it = headers.propertyNames().iterator(); it.hasNext(); ) {
            String name = it.next();
            JsonNode header = document.at(resolve(at + "/headers/" + escape(name)));
            if (header.path("required").asBoolean(false) && first(exchange.responseHeaders(), name).isEmpty()) {
                violations.add("the answer lacks the required header " + name);
            }
        }
        boolean head = exchange.method().equalsIgnoreCase("HEAD");
        JsonNode content = response.get("content");
        if (content == null) {
            if (exchange.responseBody().length > 0) {
                violations.add("the answer has a body where the document describes none");
            }
            return violations;
        }
        if (head) {
            return violations;
        }
        String mediaType = first(exchange.responseHeaders(), "Content-Type").map(OpenApiContract::baseType)
                .orElse("(none)");
        if (!content.has(mediaType)) {
            violations.add("the answer's content type " + mediaType + " is not documented (" + content.propertyNames()
                    + ")");
            return violations;
        }
        if (mediaType.equals("application/json")) {
            violations.addAll(validate(at + "/content/" + escape(mediaType) + "/schema", exchange.responseBody(),
                    "answer"));
        }
        return violations;
    }

    /** A request the service accepted: its credentials, query parameters and body must be documented ones. */
    private List<String> request(Operation operation, Exchange exchange, String query) {
        List<String> violations = new ArrayList<>();
        JsonNode op = document.at(operation.pointer());
        JsonNode security = op.has("security") ? op.get("security") : document.get("security");
        if (!security.isEmpty() && !credentialsFor(security, exchange.requestHeaders())) {
            violations.add("accepted without the credentials the document requires");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String list : List.of("/paths/" + escape(operation.template()) + "/parameters",
                operation.pointer() + "/parameters")) {
            for (int i = 0; i < document.at(list).size(); i++) {
                String pointer = resolve(list + "/" + i);
                JsonNode parameter = document.at(pointer);
                if (parameter.get("in").asString().equals("query")) {
                    parameters.put(parameter.get("name").asString(), pointer + "/schema");
                }
            }
        }
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            String schema = parameters.get(name);
            if (schema == null) {
                // Unknown query parameters are ignored (docs/api.md, "Conventions").
                continue;
            }
            boolean integer = document.at(resolve(schema)).path("type").asString("").equals("integer");
            JsonNode instance = integer && value.matches("-?\\d{1,18}")
                    ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
                    : JsonNodeFactory.instance.stringNode(value);
            violations.addAll(validate(schema, instance, "query parameter " + name));
        }
        JsonNode body = op.get("requestBody");
        if (body != null && exchange.requestBody().length > 0) {
            violations.addAll(validate(operation.pointer() + "/requestBody/content/application~1json/schema",
                    exchange.requestBody(), "accepted request"));
        } else if (body != null && body.path("required").asBoolean(false)) {
            violations.add("accepted without the body the document requires");
        }
        return violations;
    }

    private boolean credentialsFor(JsonNode security, Map<String, List<String>> headers) {
        for (JsonNode requirement : security) {
            boolean all = true;
            for (Iterator<String> it = requirement.propertyNames().iterator(); it.hasNext(); ) {
                JsonNode scheme = document.at("/components/securitySchemes/" + escape(it.next()));
                all &= scheme.get("type").asString().equals("apiKey")
                        ? first(headers, scheme.get("name").asString()).isPresent()
                        : first(headers, "Authorization").filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                        .isPresent();
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private List<String> validate(String schemaPointer, byte[] body, String what) {
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return List.of("the " + what + " is not JSON");
        }
        return validate(schemaPointer, instance, what);
    }

    private List<String> validate(String schemaPointer, JsonNode instance, String what) {
        Schema schema = compiled.computeIfAbsent(schemaPointer,
                pointer -> schemas.getSchema(SchemaLocation.of(BASE + "#" + fragment(pointer))));
        return messages(schema.validate(instance), what);
    }

    private static List<String> messages(List<Error> errors, String what) {
        return errors.stream().map(error -> what + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    /** Follows a response's or header's {@code $ref} to the object it names. */
    private String resolve(String pointer) {
        JsonNode node = document.at(pointer);
        return node.has("$ref") ? resolve(ref(node)) : pointer;
    }

    private static String ref(JsonNode node) {
        return node.get("$ref").asString().substring(1);
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** A JSON pointer as a URI fragment. */
    private static String fragment(String pointer) {
        return pointer.replace("{", "%7B").replace("}", "%7D");
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst();
    }
}
