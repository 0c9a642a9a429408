package com.virtualoffice.registration.drills;

import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.virtualoffice.registration.adapters.webhooks.DispatcherTurns;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The drill "cross-seller probes": seller B's API keys try, systematically, to read, change or delete what belongs
 * to seller A. Every route that takes an id (docs/api/openapi.yaml, and the controllers' mappings, which the drill checks it
 * covers), with every method, in lower and upper case, on A's live customer, A's deleted customer, A's webhook
 * endpoint and A's delivery, and in mixtures with B's own ids: each answer is a 404 in the contract's shape, and
 * exactly the answer B gets for an id that never existed, so that not even the difference between "not yours"
 * and "nothing" leaks. Ids in query strings (list and feed cursors) answer exactly as unknown ones too, filters
 * find nothing of A's, B's own lists hold nothing of A's, and the operator API does not take a seller's key.
 * Afterwards A's data, read with A's key, is what it was, and A's seller has not a single event more.
 *
 * <p>A retry of A's failed delivery by B must not send it again; A's own retry of it then does, which shows that
 * B's 404 was about ownership and not about the delivery's state.
 */
class CrossSellerDrillTest extends ServiceTest {

    private static final String CUSTOMER_NOT_FOUND = "Customer not found";
    private static final String ENDPOINT_NOT_FOUND = "Webhook endpoint not found";
    private static final String DELIVERY_NOT_FOUND = "Webhook delivery not found";

    private static final String CUSTOMER = "/api/customers/{id}";
    private static final String HISTORY = "/api/customers/{id}/history";
    private static final String ERASE = "/api/customers/{id}/erase";
    private static final String EXPORT = "/api/customers/{id}/export";
    private static final String ENDPOINT = "/api/webhook-endpoints/{id}";
    private static final String DELIVERIES = "/api/webhook-endpoints/{id}/deliveries";
    private static final String RETRY = "/api/webhook-endpoints/{id}/deliveries/{deliveryId}/retry";

    /**
     * Every route of the seller API that takes an id, as docs/api/openapi.yaml lists it and the controllers map it, with the
     * message of its 404. {@link #the_drill_probes_every_route_that_takes_an_id} fails when a route is added
     * without being added here.
     */
    private static final Map<String, String> ROUTES = orderedMap(
            "GET " + CUSTOMER, CUSTOMER_NOT_FOUND,
            "PATCH " + CUSTOMER, CUSTOMER_NOT_FOUND,
            "DELETE " + CUSTOMER, CUSTOMER_NOT_FOUND,
            "GET " + HISTORY, CUSTOMER_NOT_FOUND,
            "POST " + ERASE, CUSTOMER_NOT_FOUND,
            "GET " + EXPORT, CUSTOMER_NOT_FOUND,
            "DELETE " + ENDPOINT, ENDPOINT_NOT_FOUND,
            "GET " + DELIVERIES, ENDPOINT_NOT_FOUND,
            "POST " + RETRY, DELIVERY_NOT_FOUND);

    /** Operator routes that take an id: a seller's key is no admin token, whatever the id. */
    private static final List<String> ADMIN_ROUTES = List.of(
            "GET /admin/sellers/{id}",
            "PATCH /admin/sellers/{id}",
            "GET /admin/sellers/{id}/api-keys",
            "POST /admin/sellers/{id}/api-keys",
            "GET /admin/sellers/{id}/events",
            "GET /admin/sellers/{id}/activity",
            "POST /admin/sellers/{id}/customers/{customerId}/erase",
            "POST /admin/api-keys/{keyId}/revoke",
            "DELETE /admin/api-keys/{keyId}",
            "POST /admin/projections/{name}/replay",
            "POST /admin/projections/{name}/verify");

    /**
     * Every method a client might try on a path; the ones a path does not map are "Route ... not found". OPTIONS
     * (which lists the path's methods) and TRACE (which the container refuses) read nothing of a customer or an
     * endpoint, so only their sameness is checked: A's ids answered exactly as ids that never existed.
     */
    private static final List<String> METHODS =
            List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    private static final Set<String> READING_NOTHING = Set.of("OPTIONS", "TRACE");

    /** Keys of B, taken in turn, so that the probes stay within each key's rate limit. */
    private static final int STRANGER_KEYS = 4;
    /** Polls run (each with its sends awaited) before deliveries must have settled; other tests' may share one. */
    private static final int SETTLING_POLLS = 5;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ApplicationContext context;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private Receiver receiver;
    private final AtomicInteger turn = new AtomicInteger();

    @BeforeEach
    void startReceiver() {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void the_drill_probes_every_route_that_takes_an_id() throws Exception {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.contains("{"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                        .forEach(method -> mapped.add(method.name() + " " + pattern))));

        Set<String> probed = new TreeSet<>(ROUTES.keySet());
        probed.addAll(ADMIN_ROUTES);
        assertThat(mapped).as("routes with an id that the controllers map").isEqualTo(probed);
    }

    @Test
    void seller_b_can_neither_see_nor_touch_anything_of_seller_a() throws Exception {
        World world = world();
        Map<String, String> before = sellerAsSeenByItself(world);

        List<Probe> probes = probes(world);
        for (Probe probe : probes) {
            assertAnsweredAsForAnIdThatNeverExisted(world, probe);
        }
        assertQueryIdsAnsweredAsUnknown(world);
        assertOwnListsHoldNothingOf(world);
        assertOperatorApiRefusesTheSellersKey(world);

        assertThat(sellerAsSeenByItself(world)).as("seller A's data after %d probes", probes.size())
                .isEqualTo(before);
        removeEndpoints(world);
    }

    @Test
    void seller_b_cannot_send_seller_a_failed_delivery_again() throws Exception {
        SellerWithKey a = operator.sellerOn("starter");
        SellerWithKey b = operator.sellerOn("starter");
        String failing = registerEndpoint(a, receiver.url("/failing"));
        String own = registerEndpoint(b, receiver.url("/b"));
        register(a, Customers.withEmail(uniqueEmail()));
        JsonNode failed = awaitDeliveries(a, failing, delivery -> delivery.get("status").asString().equals("failed"))
                .getFirst();
        String delivery = failed.get("id").asString();
        String deliveriesBefore = deliveriesOf(a, failing).body();

        for (String endpoint : List.of(failing, own)) {
            for (boolean upperCase : List.of(false, true)) {
                String path = "/api/webhook-endpoints/" + cased(endpoint, upperCase) + "/deliveries/"
                        + cased(delivery, upperCase) + "/retry";
                assertError(http.post(path).apiKey(b.apiKey()).send(), 404, "Not Found", DELIVERY_NOT_FOUND);
            }
        }
        // A delivery made due again by any of them would go out with this poll.
        DispatcherTurns.pollAndSend(context);
        assertThat(deliveriesOf(a, failing).body()).as("A's failed delivery after B's retries")
                .isEqualTo(deliveriesBefore);
        assertThat(receiver.requests("/failing")).as("sends of A's delivery").isEqualTo(1);

        Http.Response retried = http.post("/api/webhook-endpoints/" + failing + "/deliveries/" + delivery + "/retry")
                .apiKey(a.apiKey()).send();
        assertThat(retried.status()).as("A's own retry: %s", retried.body()).isEqualTo(202);
        awaitTrue(() -> receiver.requests("/failing") == 2, "A's retry sends the delivery again");

        assertThat(http.request("DELETE", "/api/webhook-endpoints/" + failing).apiKey(a.apiKey()).send().status())
                .isEqualTo(204);
        assertThat(http.request("DELETE", "/api/webhook-endpoints/" + own).apiKey(b.apiKey()).send().status())
                .isEqualTo(204);
    }

    // --- the two sellers ---------------------------------------------------------------------------------------

    /**
     * What A and B own. A: a customer that was changed, one that was deleted (its history and past states stay),
     * a webhook endpoint with delivered events. B: a customer, an endpoint and a delivery of its own, and several
     * keys.
     */
    private record World(SellerWithKey a, SellerWithKey b, List<String> strangerKeys, String liveCustomer,
                         String liveEmail, String liveName, String deletedCustomer, String deletedCustomerAliveAt,
                         String endpoint, String delivery, List<String> events, String ownEndpoint,
                         String ownDelivery) {

        /** A's ids, the ones B must not reach. */
        List<String> ownedByA() {
            List<String> owned = new ArrayList<>(List.of(liveCustomer, deletedCustomer, endpoint, delivery));
            owned.addAll(events);
            return owned;
        }
    }

    private World world() throws Exception {
        SellerWithKey a = operator.sellerOn("starter");
        SellerWithKey b = operator.sellerOn("starter");
        String endpoint = registerEndpoint(a, receiver.url("/a"));
        String ownEndpoint = registerEndpoint(b, receiver.url("/b"));

        String liveName = "Zephyrine" + UUID.randomUUID().toString().substring(0, 8);
        String liveEmail = uniqueEmail();
        String liveCustomer = register(a, """
                {"first_name": "%s", "last_name": "Lovelace", "email": "%s", "company_name": "Analytical Engines"}
                """.formatted(liveName, liveEmail));
        Http.Response changed = http.request("PATCH", "/api/customers/" + liveCustomer).apiKey(a.apiKey())
                .json("{\"status\": \"inactive\"}").send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        String deletedCustomer = register(a, Customers.withEveryField(uniqueEmail()));
        TestClock.tick();
        String aliveAt = TIMESTAMP.format(TestClock.now());
        TestClock.tick();
        assertThat(http.request("DELETE", "/api/customers/" + deletedCustomer).apiKey(a.apiKey()).send().status())
                .isEqualTo(204);

        register(b, Customers.withEmail(uniqueEmail()));

        List<JsonNode> delivered = awaitDeliveries(a, endpoint, d -> d.get("status").asString().equals("succeeded"));
        List<JsonNode> ownDelivered =
                awaitDeliveries(b, ownEndpoint, d -> d.get("status").asString().equals("succeeded"));
        List<String> events = ids(feed(a.apiKey()).get("data"));
        assertThat(events).as("A's events").hasSize(4);

        List<String> strangerKeys = new ArrayList<>(List.of(b.apiKey()));
        for (int i = 1; i < STRANGER_KEYS; i++) {
            Http.Response key = http.post("/admin/sellers/" + b.sellerId() + "/api-keys").bearer(ADMIN_TOKEN)
                    .json("{\"name\": \"prober " + i + "\"}").send();
            assertThat(key.status()).as(key.body()).isEqualTo(201);
            strangerKeys.add(key.field("key"));
        }
        return new World(a, b, strangerKeys, liveCustomer, liveEmail, liveName, deletedCustomer, aliveAt, endpoint,
                delivered.getFirst().get("id").asString(), events, ownEndpoint,
                ownDelivered.getFirst().get("id").asString());
    }

    /**
     * Everything of A that its own key (and the operator) can read, by what was asked. The key's last_used_at is
     * left out: A's own reads here change it.
     */
    private Map<String, String> sellerAsSeenByItself(World world) {
        String key = world.a().apiKey();
        Map<String, String> seen = new LinkedHashMap<>();
        List<String> reads = new ArrayList<>(List.of(
                "/api/customers?limit=100",
                "/api/customers/" + world.liveCustomer(),
                "/api/customers/" + world.liveCustomer() + "/history",
                "/api/customers/" + world.deletedCustomer(),
                "/api/customers/" + world.deletedCustomer() + "/history",
                "/api/customers/" + world.deletedCustomer() + "?as_of=" + encode(world.deletedCustomerAliveAt()),
                "/api/events?limit=100",
                "/api/webhook-endpoints",
                "/api/webhook-endpoints/" + world.endpoint() + "/deliveries"));
        for (String read : reads) {
            Http.Response answer = http.get(read).apiKey(key).send();
            seen.put("GET " + read, answer.status() + " " + answer.body());
        }
        assertThat(seen.get("GET /api/customers/" + world.deletedCustomer() + "?as_of="
                + encode(world.deletedCustomerAliveAt()))).as("A's deleted customer while it lived").startsWith("200 ");
        for (String read : List.of("/admin/sellers/" + world.a().sellerId(),
                "/admin/sellers/" + world.a().sellerId() + "/events?limit=100")) {
            Http.Response answer = http.get(read).bearer(ADMIN_TOKEN).send();
            seen.put("GET " + read, answer.status() + " " + answer.body());
        }
        JsonNode keys = http.get("/admin/sellers/" + world.a().sellerId() + "/api-keys").bearer(ADMIN_TOKEN).send()
                .json();
        keys.get("data").forEach(item -> ((ObjectNode) item).remove("last_used_at"));
        seen.put("GET /admin/sellers/{A}/api-keys without last_used_at", keys.toString());
        seen.put("events of A in the store", String.valueOf(jdbc.sql(
                        "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :seller")
                .param("seller", world.a().sellerId()).query(Long.class).single()));
        return seen;
    }

    // --- probes with A's ids in paths --------------------------------------------------------------------------

    /** One request of B: a method and a path holding ids of A (and perhaps of B). */
    private record Probe(String method, String route, String path) {
    }

    /** Every route pattern with every id of A it takes, and every method, in lower and upper case. */
    private List<Probe> probes(World world) {
        Map<String, List<List<String>>> idsByPattern = new LinkedHashMap<>();
        idsByPattern.put(CUSTOMER, List.of(List.of(world.liveCustomer()), List.of(world.deletedCustomer())));
        idsByPattern.put(HISTORY, List.of(List.of(world.liveCustomer()), List.of(world.deletedCustomer())));
        idsByPattern.put(ERASE, List.of(List.of(world.liveCustomer()), List.of(world.deletedCustomer())));
        idsByPattern.put(EXPORT, List.of(List.of(world.liveCustomer()), List.of(world.deletedCustomer())));
        idsByPattern.put(ENDPOINT, List.of(List.of(world.endpoint())));
        idsByPattern.put(DELIVERIES, List.of(List.of(world.endpoint())));
        idsByPattern.put(RETRY, List.of(List.of(world.endpoint(), world.delivery()),
                List.of(world.ownEndpoint(), world.delivery()), List.of(world.endpoint(), world.ownDelivery())));

        String now = TIMESTAMP.format(TestClock.now());
        List<Probe> probes = new ArrayList<>();
        idsByPattern.forEach((pattern, idSets) -> idSets.forEach(ids -> {
            for (boolean upperCase : List.of(false, true)) {
                String path = pattern;
                for (String id : ids) {
                    path = path.replaceFirst("\\{[A-Za-z]+}", cased(id, upperCase));
                }
                for (String method : METHODS) {
                    probes.add(new Probe(method, pattern, path));
                    if (pattern.equals(CUSTOMER)) {
                        String asOf = ids.getFirst().equals(world.deletedCustomer())
                                ? world.deletedCustomerAliveAt() : now;
                        probes.add(new Probe(method, pattern, path + "?as_of=" + encode(asOf)));
                    }
                }
            }
        }));
        return probes;
    }

    /**
     * A 404 in the contract's shape, with the route's own message (or "Route ... not found" for a method the path
     * does not map), and byte for byte the answer to the same request with A's ids replaced by ids that never
     * existed.
     */
    private void assertAnsweredAsForAnIdThatNeverExisted(World world, Probe probe) {
        Map<String, String> strangers = new LinkedHashMap<>();
        for (String id : world.ownedByA()) {
            String unknown = UUID.randomUUID().toString();
            strangers.put(id, unknown);
            strangers.put(id.toUpperCase(Locale.ROOT), unknown.toUpperCase(Locale.ROOT));
        }
        Http.Response answer = asStranger(world, probe.method(), probe.path());
        Http.Response baseline = asStranger(world, probe.method(), replaceAll(probe.path(), strangers));

        String label = "B's " + probe.method() + " " + probe.path();
        if (READING_NOTHING.contains(probe.method())) {
            assertThat(answer.header("Allow")).as(label).isEqualTo(baseline.header("Allow"));
        } else if (probe.method().equals("HEAD")) {
            assertThat(answer.status()).as("%s: %s", label, answer.body()).isEqualTo(404);
            assertThat(answer.body()).as(label).isEmpty();
        } else {
            String pathOnly = probe.path().contains("?") ? probe.path().substring(0, probe.path().indexOf('?'))
                    : probe.path();
            String message = ROUTES.getOrDefault(probe.method() + " " + probe.route(),
                    "Route " + probe.method() + ":" + pathOnly + " not found");
            assertError(answer, 404, "Not Found", message);
        }
        Map<String, String> back = strangers.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        assertThat(baseline.status()).as("%s with ids that never existed", label).isEqualTo(answer.status());
        assertThat(replaceAll(baseline.body(), back)).as("%s with ids that never existed", label)
                .isEqualTo(answer.body());
    }

    // --- ids in query strings, lists, the operator API ---------------------------------------------------------

    private void assertQueryIdsAnsweredAsUnknown(World world) {
        for (String customer : List.of(world.liveCustomer(), world.deletedCustomer())) {
            Http.Response answer = asStranger(world, "GET", "/api/customers?starting_after=" + customer);
            assertError(answer, 400, "Bad Request",
                    "querystring/starting_after must be the id of one of your customers");
            assertThat(asStranger(world, "GET", "/api/customers?starting_after=" + UUID.randomUUID()).body())
                    .isEqualTo(answer.body());
        }
        String bsCustomer = http.post("/api/customers").apiKey(world.b().apiKey())
                .json(Customers.withEmail(uniqueEmail())).send().field("id");
        for (String event : world.events()) {
            Http.Response answer = asStranger(world, "GET", "/api/events?starting_after=" + event);
            assertError(answer, 400, "Bad Request", "querystring/starting_after must be the id of one of your events");
            String unknown = "evt_" + UUID.randomUUID().toString().replace("-", "");
            assertThat(asStranger(world, "GET", "/api/events?starting_after=" + unknown).body())
                    .isEqualTo(answer.body());
            // A's event as the cursor of B's own customer's history.
            Http.Response history = asStranger(world, "GET", "/api/customers/" + bsCustomer
                    + "/history?starting_after=" + event);
            assertError(history, 400, "Bad Request",
                    "querystring/starting_after must be the id of one of this customer's events");
        }
        for (String filter : List.of("email=" + encode(world.liveEmail()), "q=" + encode(world.liveEmail()),
                "q=" + encode(world.liveName()), "q=Analytical")) {
            Http.Response answer = asStranger(world, "GET", "/api/customers?" + filter);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("data").isEmpty()).as("B's list filtered by %s: %s", filter, answer.body())
                    .isTrue();
        }
    }

    private void assertOwnListsHoldNothingOf(World world) {
        for (String list : List.of("/api/customers?limit=100", "/api/events?limit=100", "/api/webhook-endpoints",
                "/api/webhook-endpoints/" + world.ownEndpoint() + "/deliveries")) {
            Http.Response answer = asStranger(world, "GET", list);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            for (String owned : world.ownedByA()) {
                assertThat(answer.body()).as("B's %s", list).doesNotContain(owned)
                        .doesNotContain(owned.replace("-", ""));
            }
            assertThat(answer.body()).as("B's %s", list).doesNotContain(world.a().sellerId());
        }
    }

    private void assertOperatorApiRefusesTheSellersKey(World world) {
        String keyId = http.get("/admin/sellers/" + world.a().sellerId() + "/api-keys").bearer(ADMIN_TOKEN).send()
                .json().get("data").get(0).get("id").asString();
        for (String route : ADMIN_ROUTES) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1)
                    .replace("{id}", world.a().sellerId())
                    .replace("{keyId}", keyId)
                    .replace("{customerId}", world.liveCustomer())
                    .replace("{name}", "read-models");
            for (String key : world.strangerKeys()) {
                Http.Response asBearer = http.request(method, path).bearer(key).json("{\"plan\": \"enterprise\"}")
                        .send();
                assertError(asBearer, 401, "Unauthorized", "Invalid admin token");
                Http.Response asApiKey = http.request(method, path).apiKey(key).json("{\"plan\": \"enterprise\"}")
                        .send();
                assertError(asApiKey, 401, "Unauthorized", "Invalid admin token");
            }
        }
    }

    // --- calls -------------------------------------------------------------------------------------------------

    /**
     * A request with one of B's keys, taken in turn, with a body that would be a valid change for any route that
     * takes one. A 429 is waited out and sent again: the rate limit is not what this drill is about.
     */
    private Http.Response asStranger(World world, String method, String path) {
        for (int attempt = 0; attempt < 10; attempt++) {
            String key = world.strangerKeys().get(Math.floorMod(turn.getAndIncrement(), world.strangerKeys().size()));
            Http.Request request = http.request(method, path).apiKey(key);
            if (Set.of("POST", "PUT", "PATCH").contains(method)) {
                request.json("""
                        {"first_name": "Mallory", "email": "%s", "status": "suspended",
                         "url": "http://127.0.0.1:9/stolen", "events": ["customer.created"]}
                        """.formatted(uniqueEmail()));
            }
            Http.Response answer = request.send();
            if (answer.status() != 429) {
                return answer;
            }
            TestClock.advance(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After").orElse("1"))));
        }
        throw new AssertionError("still rate limited: " + method + " " + path);
    }

    private String register(SellerWithKey seller, String json) {
        Http.Response created = http.post("/api/customers").apiKey(seller.apiKey()).json(json).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.field("id");
    }

    private String registerEndpoint(SellerWithKey seller, String url) {
        Http.Response registered = http.post("/api/webhook-endpoints").apiKey(seller.apiKey())
                .json("{\"url\": \"" + url + "\", \"events\": [\"customer.created\", \"customer.updated\","
                        + " \"customer.deleted\"]}").send();
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.field("id");
    }

    private Http.Response deliveriesOf(SellerWithKey seller, String endpoint) {
        Http.Response deliveries = http.get("/api/webhook-endpoints/" + endpoint + "/deliveries")
                .apiKey(seller.apiKey()).send();
        assertThat(deliveries.status()).as(deliveries.body()).isEqualTo(200);
        return deliveries;
    }

    /**
     * The endpoint's deliveries, once there is at least one and every one is as wanted: the dispatcher polls (and
     * its sends are awaited) until then, a few times at most.
     */
    private List<JsonNode> awaitDeliveries(SellerWithKey seller, String endpoint, Predicate<JsonNode> settled)
            throws Exception {
        List<JsonNode> deliveries = new ArrayList<>();
        for (int poll = 0; poll < SETTLING_POLLS; poll++) {
            DispatcherTurns.pollAndSend(context);
            deliveries = new ArrayList<>();
            deliveriesOf(seller, endpoint).json().get("data").forEach(deliveries::add);
            if (!deliveries.isEmpty() && deliveries.stream().allMatch(settled)) {
                return deliveries;
            }
        }
        throw new AssertionError("deliveries not settled after " + SETTLING_POLLS + " polls: " + deliveries);
    }

    private JsonNode feed(String key) {
        Http.Response feed = http.get("/api/events?limit=100").apiKey(key).send();
        assertThat(feed.status()).as(feed.body()).isEqualTo(200);
        return feed.json();
    }

    private void removeEndpoints(World world) {
        assertThat(http.request("DELETE", "/api/webhook-endpoints/" + world.endpoint()).apiKey(world.a().apiKey())
                .send().status()).isEqualTo(204);
        assertThat(http.request("DELETE", "/api/webhook-endpoints/" + world.ownEndpoint())
                .apiKey(world.b().apiKey()).send().status()).isEqualTo(204);
    }

    private static String cased(String id, boolean upperCase) {
        return upperCase ? id.toUpperCase(Locale.ROOT) : id;
    }

    private static String replaceAll(String text, Map<String, String> replacements) {
        String replaced = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            replaced = replaced.replace(replacement.getKey(), replacement.getValue());
        }
        return replaced;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        for (int poll = 0; poll < SETTLING_POLLS && !condition.getAsBoolean(); poll++) {
            DispatcherTurns.pollAndSend(context);
        }
        assertThat(condition.getAsBoolean()).as("after %d polls: %s", SETTLING_POLLS, what).isTrue();
    }

    /** A webhook receiver on 127.0.0.1: 500 to every request on a path containing "failing", else 200; counts. */
    private static final class Receiver implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

        Receiver() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    String path = exchange.getRequestURI().getPath();
                    requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                    exchange.sendResponseHeaders(path.contains("failing") ? 500 : 200, -1);
                }
            });
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        int requests(String path) {
            AtomicInteger count = requests.get(path);
            return count == null ? 0 : count.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
