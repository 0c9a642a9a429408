package com.virtualoffice.registration.drills;

import static com.virtualoffice.registration.support.Contract.JSON;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.encode;
import static com.virtualoffice.registration.support.Contract.ids;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.support.AtOnce;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Scrape;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.ServiceTest;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The drill "two instances on one PostgreSQL": the instance {@link ServiceTest} starts, and a second one (its own
 * Spring context, server, Axon command side and seller cache) on the same database, as two instances behind a load
 * balancer would run. Each instance locks a seller only against itself; between them, the event store's unique
 * (aggregate, sequence number) key is the only arbiter, and a command that loses an append must be decided again,
 * never surface as a 500.
 *
 * <p>The races of {@code RaceTest} and {@code LifecycleRaceTest}, split across both instances and repeated on the
 * same seller, so that each round starts with both instances holding a cached seller the other one has changed
 * since: one email registered at once, the last slot of a plan, a delete against registrations of its email. After
 * every round both instances must list and count the same customers.
 *
 * <p>Then the stale cache, deterministically: one instance changes a seller, and the other, whose cached seller
 * predates the change, must decide on the change at once. A rejection decided on a stale seller (an email still
 * taken, a plan still full, a customer or key not yet known) writes nothing, so no unique key would ever catch it.
 * And the append conflict itself, deterministically: a row lock holds one instance's registration open after it
 * appended its event, while the other instance decides on the same history and appends at the same sequence
 * number.
 */
class TwoInstancesDrillTest extends ServiceTest {

    private static final int ROUNDS = 5;
    /** Requests per race, sent to the two instances alternately. */
    private static final int PARALLEL = 20;
    private static final int FREE_PLAN_LIMIT = 10;
    private static final String EMAIL_TAKEN = "A customer with this email already exists";
    private static final String FREE_PLAN_FULL = "Customer limit reached. Your plan allows 10 customers.";
    private static final Duration LOCK_WAIT_TIMEOUT = Duration.ofSeconds(10);

    private static ConfigurableApplicationContext secondInstance;

    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcClient jdbc;

    /** The instance {@link ServiceTest} starts. */
    private Http first;
    /** Another instance of the service, on the first one's database. */
    private Http second;

    @BeforeEach
    void startSecondInstance() {
        if (secondInstance == null) {
            secondInstance = startOnTheSameDatabase((HikariDataSource) dataSource);
        }
        first = http;
        second = new Http(((WebServerApplicationContext) secondInstance).getWebServer().getPort());
    }

    @AfterAll
    static void stopSecondInstance() {
        if (secondInstance != null) {
            secondInstance.close();
            secondInstance = null;
        }
    }

    // --- races across the instances, round after round on one seller ------------------------------------------

    @Test
    void one_email_sent_to_both_instances_at_once_is_registered_once_in_every_round() throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");

        for (int round = 1; round <= ROUNDS; round++) {
            String email = uniqueEmail();
            List<Http.Response> answers = race(i -> instance(i).post("/api/customers").apiKey(seller.apiKey())
                    .json(Customers.withEmail(i % 4 < 2 ? email : email.toUpperCase())));

            assertThat(byStatus(answers)).as("round %d", round).isEqualTo(Map.of(201, 1L, 409, PARALLEL - 1L));
            answers.stream().filter(answer -> answer.status() == 409)
                    .forEach(refused -> assertError(refused, 409, "Conflict", EMAIL_TAKEN));
            assertInstancesAgree(seller, round);
        }
    }

    /**
     * After each round the newcomer is deleted on the instance that did not register it, so the next round races
     * for a slot that one instance freed and the other holds as taken in its cache.
     */
    @Test
    void the_last_free_slot_raced_on_both_instances_is_taken_once_in_every_round() throws Exception {
        SellerWithKey seller = operator.sellerOn("free");
        for (int i = 0; i < FREE_PLAN_LIMIT - 1; i++) {
            register(instance(i), seller, uniqueEmail());
        }

        for (int round = 1; round <= ROUNDS; round++) {
            List<Http.Response> answers = race(i -> instance(i).post("/api/customers").apiKey(seller.apiKey())
                    .json(Customers.withEmail(uniqueEmail())));

            assertThat(byStatus(answers)).as("round %d", round).isEqualTo(Map.of(201, 1L, 403, PARALLEL - 1L));
            answers.stream().filter(answer -> answer.status() == 403)
                    .forEach(refused -> assertError(refused, 403, "Forbidden", FREE_PLAN_FULL));
            assertInstancesAgree(seller, FREE_PLAN_LIMIT);

            int winner = indexOfStatus(answers, 201);
            Http.Response freed = delete(instance(winner + 1), seller, answers.get(winner).field("id"));
            assertThat(freed.status()).as(freed.body()).isEqualTo(204);
        }
    }

    /**
     * Ten registrations of a customer's email race its deletion on the other instance; ten more leave the moment
     * the deletion has answered, so that the freed email is certainly contended, half of them on the instance
     * that did not delete.
     */
    @Test
    void a_delete_on_one_instance_against_registrations_on_both_frees_the_email_for_exactly_one_in_every_round()
            throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");

        for (int round = 1; round <= ROUNDS; round++) {
            String email = uniqueEmail();
            String holder = register(instance(round), seller, email);
            Http deleting = instance(round + 1);

            CountDownLatch start = new CountDownLatch(1);
            CountDownLatch deleteAnswered = new CountDownLatch(1);
            Http.Response deletion;
            List<Http.Response> registrations = new ArrayList<>();
            try (ExecutorService clients = Executors.newFixedThreadPool(PARALLEL + 1)) {
                Future<Http.Response> deleted = clients.submit(() -> {
                    start.await();
                    try {
                        return delete(deleting, seller, holder);
                    } finally {
                        deleteAnswered.countDown();
                    }
                });
                List<Future<Http.Response>> futures = new ArrayList<>();
                for (int i = 0; i < PARALLEL; i++) {
                    CountDownLatch gate = i < PARALLEL / 2 ? start : deleteAnswered;
                    Http.Request request = instance(i).post("/api/customers").apiKey(seller.apiKey())
                            .json(Customers.withEmail(i % 4 < 2 ? email : email.toUpperCase()));
                    futures.add(clients.submit(() -> {
                        gate.await();
                        return request.send();
                    }));
                }
                start.countDown();
                deletion = deleted.get();
                for (Future<Http.Response> future : futures) {
                    registrations.add(future.get());
                }
            }

            assertThat(deletion.status()).as(deletion.body()).isEqualTo(204);
            assertThat(byStatus(registrations)).as("round %d", round)
                    .isEqualTo(Map.of(201, 1L, 409, PARALLEL - 1L));
            registrations.stream().filter(answer -> answer.status() == 409)
                    .forEach(refused -> assertError(refused, 409, "Conflict", EMAIL_TAKEN));
            String newcomer = registrations.get(indexOfStatus(registrations, 201)).field("id");
            for (Http instance : List.of(first, second)) {
                assertThat(listedIds(instance, seller, "email=" + encode(email))).containsExactly(newcomer);
            }
            assertInstancesAgree(seller, round);
        }
    }

    /**
     * An erasure on one instance against updates of the same customer on both: the erasure always answers 204,
     * each update either lands before it (200) or finds the customer gone (404), never a 500; what the updates
     * wrote is erased with the rest.
     */
    @Test
    void an_erasure_racing_updates_on_both_instances_wins_cleanly_and_leaves_no_personal_data() throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");

        for (int round = 1; round <= ROUNDS; round++) {
            String customerId = register(instance(round), seller, uniqueEmail());
            String renamed = "Renamed" + UUID.randomUUID().toString().replace("-", "");
            List<Http.Response> answers = race(i -> i == 0
                    ? first.post("/api/customers/" + customerId + "/erase").apiKey(seller.apiKey())
                    : instance(i).request("PATCH", "/api/customers/" + customerId).apiKey(seller.apiKey())
                            .json("{\"first_name\": \"" + renamed + i + "\"}"));

            assertThat(answers.getFirst().status()).as(answers.getFirst().body()).isEqualTo(204);
            assertThat(byStatus(answers.subList(1, PARALLEL)).keySet()).as("round %d", round)
                    .isSubsetOf(200, 404);
            assertThat(jdbc.sql("SELECT count(*) FROM customer_events WHERE customer_id = :id"
                            + " AND (customer ->> 'firstName' IS NOT NULL OR customer ->> 'email' IS NOT NULL"
                            + " OR NOT jsonb_exists(customer, 'firstName'))")
                    .param("id", UUID.fromString(customerId)).query(Long.class).single())
                    .as("history rows still holding a name or an email").isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE id = :id AND first_name IS NULL"
                            + " AND email IS NULL AND erased_at IS NOT NULL")
                    .param("id", UUID.fromString(customerId)).query(Long.class).single()).isEqualTo(1);
            assertInstancesAgree(seller, 0);
        }
    }

    /**
     * The other instance's cached seller predates the erasure: it must still find the email free and the plan's
     * place open, and erasing again there records nothing.
     */
    @Test
    void a_customer_erased_on_one_instance_frees_its_email_and_place_on_the_other() {
        SellerWithKey seller = operator.sellerOn("free");
        List<String> emails = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FREE_PLAN_LIMIT; i++) {
            emails.add(uniqueEmail());
            ids.add(register(instance(i), seller, emails.getLast()));
        }
        assertError(create(second, seller, uniqueEmail()), 403, "Forbidden", FREE_PLAN_FULL);

        assertThat(first.post("/api/customers/" + ids.getFirst() + "/erase").apiKey(seller.apiKey()).send()
                .status()).isEqualTo(204);
        assertThat(second.post("/api/customers/" + ids.getFirst() + "/erase").apiKey(seller.apiKey()).send()
                .status()).isEqualTo(204);

        Http.Response again = create(second, seller, emails.getFirst().toUpperCase());
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertInstancesAgree(seller, FREE_PLAN_LIMIT);
        Http.Response history = first.get("/api/customers/" + ids.getFirst() + "/history").apiKey(seller.apiKey())
                .send();
        assertThat(history.json().get("data").valueStream()
                .map(entry -> entry.get("type").asString()).toList())
                .containsExactly("customer.created", "customer.erased");
    }

    // --- one instance decides right after the other changed the seller ----------------------------------------

    @Test
    void an_email_freed_on_one_instance_can_be_registered_on_the_other_at_once() {
        SellerWithKey seller = operator.sellerOn("starter");
        String email = uniqueEmail();
        String holder = register(first, seller, email);

        assertThat(delete(second, seller, holder).status()).isEqualTo(204);

        Http.Response again = create(first, seller, email.toUpperCase());
        assertThat(again.status()).as("the email freed on the other instance: %s", again.body()).isEqualTo(201);
        assertInstancesAgree(seller, 1);
    }

    @Test
    void a_slot_freed_on_one_instance_can_be_taken_on_the_other_at_once() {
        SellerWithKey seller = operator.sellerOn("free");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FREE_PLAN_LIMIT; i++) {
            ids.add(register(first, seller, uniqueEmail()));
        }

        assertThat(delete(second, seller, ids.getFirst()).status()).isEqualTo(204);

        Http.Response taken = create(first, seller, uniqueEmail());
        assertThat(taken.status()).as("the slot freed on the other instance: %s", taken.body()).isEqualTo(201);
        assertError(create(first, seller, uniqueEmail()), 403, "Forbidden", FREE_PLAN_FULL);
        assertInstancesAgree(seller, FREE_PLAN_LIMIT);
    }

    @Test
    void a_customer_registered_on_one_instance_can_be_changed_and_deleted_on_the_other_at_once() {
        SellerWithKey seller = operator.sellerOn("starter");
        register(first, seller, uniqueEmail());
        String newcomer = register(second, seller, uniqueEmail());

        Http.Response changed = first.request("PATCH", "/api/customers/" + newcomer).apiKey(seller.apiKey())
                .json("{\"first_name\": \"Grace\"}").send();
        assertThat(changed.status()).as("a change of a customer the other instance registered: %s", changed.body())
                .isEqualTo(200);
        assertThat(changed.field("first_name")).isEqualTo("Grace");
        Http.Response deleted = delete(first, seller, newcomer);
        assertThat(deleted.status()).as("a delete of a customer the other instance registered: %s", deleted.body())
                .isEqualTo(204);
        assertInstancesAgree(seller, 1);
    }

    @Test
    void a_key_issued_on_one_instance_can_be_revoked_on_the_other_at_once() {
        SellerWithKey seller = operator.sellerOn("starter");
        Http.Response issued = second.post("/admin/sellers/" + seller.sellerId() + "/api-keys").bearer(ADMIN_TOKEN)
                .json("{\"name\": \"issued on the second instance\"}").send();
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);

        Http.Response revoked = first.post("/admin/api-keys/" + issued.field("id") + "/revoke").bearer(ADMIN_TOKEN)
                .send();
        assertThat(revoked.status()).as("a revocation of a key the other instance issued: %s", revoked.body())
                .isEqualTo(200);
        for (Http instance : List.of(first, second)) {
            assertError(instance.get("/api/customers").apiKey(issued.field("key")).send(), 401, "Unauthorized",
                    "API key has been revoked");
        }
    }

    /**
     * Both instances have seen the key valid on a write, which they then check in the seller's decision rather
     * than look up: a revocation, then a deletion, on one instance is refused for writes on both at once.
     */
    @Test
    void a_key_used_to_write_on_both_instances_and_revoked_then_deleted_on_one_is_refused_by_both_at_once() {
        SellerWithKey seller = operator.sellerOn("starter");
        String customer = register(first, seller, uniqueEmail());
        register(second, seller, uniqueEmail());

        assertThat(second.post("/admin/api-keys/" + seller.apiKeyId() + "/revoke").bearer(ADMIN_TOKEN).send()
                .status()).isEqualTo(200);
        for (Http instance : List.of(first, second)) {
            assertError(create(instance, seller, uniqueEmail()), 401, "Unauthorized", "API key has been revoked");
            assertError(instance.request("PATCH", "/api/customers/" + customer).apiKey(seller.apiKey())
                    .json("{\"first_name\": \"Ada\"}").send(), 401, "Unauthorized", "API key has been revoked");
            assertError(delete(instance, seller, customer), 401, "Unauthorized", "API key has been revoked");
        }

        assertThat(first.request("DELETE", "/admin/api-keys/" + seller.apiKeyId()).bearer(ADMIN_TOKEN).send()
                .status()).isEqualTo(204);
        for (Http instance : List.of(first, second)) {
            assertError(create(instance, seller, uniqueEmail()), 401, "Unauthorized", "Invalid API key");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM customers WHERE seller_id = ?::uuid").param(seller.sellerId())
                .query(Integer.class).single()).isEqualTo(2);
    }

    /**
     * The test holds the seller's read-model row, so the second instance's registration stops right after
     * appending its event, its sequence number taken but not committed. The first instance then decides on the
     * same history (the same email is free there) and appends at the same sequence number, which waits for the
     * second instance's transaction. Released, the second commits and the first's append fails on the unique key:
     * it must be evicted from the cache, retried, and refused on the fresh history, not answered with a 500.
     */
    @Test
    void an_append_that_loses_to_the_other_instance_is_decided_again_on_the_fresh_history() throws Exception {
        SellerWithKey seller = operator.sellerOn("starter");
        // The first instance appends last, so that its cached seller is current: its one retry is the race's.
        register(second, seller, uniqueEmail());
        register(first, seller, uniqueEmail());
        String email = uniqueEmail();
        Scrape before = Scrape.of(first, ADMIN_TOKEN);

        Future<Http.Response> onSecond;
        Future<Http.Response> onFirst;
        try (ExecutorService clients = Executors.newFixedThreadPool(2);
             Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement row = lock.prepareStatement("SELECT id FROM sellers WHERE id = ? FOR UPDATE")) {
                row.setObject(1, UUID.fromString(seller.sellerId()));
                row.executeQuery().close();
            }
            onSecond = clients.submit(() -> create(second, seller, email));
            awaitStatementWaitingForALock("UPDATE sellers SET customer_count%");
            onFirst = clients.submit(() -> create(first, seller, email.toUpperCase()));
            awaitStatementWaitingForALock("INSERT INTO domain_event_entry%");
            lock.rollback();

            Http.Response registered = onSecond.get();
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            Http.Response refused = onFirst.get();
            assertError(refused, 409, "Conflict", EMAIL_TAKEN);
        }
        assertInstancesAgree(seller, 3);
        Scrape after = Scrape.of(first, ADMIN_TOKEN);
        assertThat(after.sum("registration_commands_seconds_count", "command", "register_customer",
                "outcome", "conflict_retried") - before.sum("registration_commands_seconds_count",
                "command", "register_customer", "outcome", "conflict_retried")).isEqualTo(1);
    }

    // --- the instances and their calls -------------------------------------------------------------------------

    private static ConfigurableApplicationContext startOnTheSameDatabase(HikariDataSource database) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--registration.admin-token=" + ADMIN_TOKEN,
                "--registration.data-key=" + ServiceTest.DATA_KEY,
                "--registration.demo.enabled=false",
                "--axoniq.update-checker.disabled=true"));
        if (database.getUsername() != null) {
            args.add("--spring.datasource.username=" + database.getUsername());
        }
        if (database.getPassword() != null) {
            args.add("--spring.datasource.password=" + database.getPassword());
        }
        return new SpringApplicationBuilder(RegistrationApplication.class).run(args.toArray(String[]::new));
    }

    /** The instances taken in turn: even numbers the first, odd ones the second. */
    private Http instance(int i) {
        return Math.floorMod(i, 2) == 0 ? first : second;
    }

    private static Http.Response create(Http instance, SellerWithKey seller, String email) {
        return instance.post("/api/customers").apiKey(seller.apiKey()).json(Customers.withEmail(email)).send();
    }

    /** A registration that must be accepted; the new customer's id. */
    private static String register(Http instance, SellerWithKey seller, String email) {
        Http.Response created = create(instance, seller, email);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.field("id");
    }

    private static Http.Response delete(Http instance, SellerWithKey seller, String customerId) {
        return instance.request("DELETE", "/api/customers/" + customerId).apiKey(seller.apiKey()).send();
    }

    /** Prepares the requests, then sends them all at once, released together by a latch; answers in order. */
    private static List<Http.Response> race(IntFunction<Http.Request> request) throws Exception {
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            Http.Request prepared = request.apply(i);
            calls.add(prepared::send);
        }
        return AtOnce.run(calls);
    }

    private static Map<Integer, Long> byStatus(List<Http.Response> answers) {
        return answers.stream().collect(Collectors.groupingBy(Http.Response::status, Collectors.counting()));
    }

    private static int indexOfStatus(List<Http.Response> answers, int status) {
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == status) {
                return i;
            }
        }
        throw new AssertionError("no " + status + " among " + byStatus(answers));
    }

    // --- what both instances must agree on ---------------------------------------------------------------------

    /**
     * Both instances list the same customers, page for page and byte for byte, and count as many as expected:
     * the read models are written in the deciding instance's transaction, so there is nothing to wait for.
     */
    private void assertInstancesAgree(SellerWithKey seller, int customers) {
        List<String> onFirst = listPages(first, seller);
        List<String> onSecond = listPages(second, seller);
        assertThat(onSecond).as("the customer list on both instances").isEqualTo(onFirst);
        int listed = onFirst.stream().mapToInt(page -> JSON.readTree(page).get("data").size()).sum();
        assertThat(listed).as("customers listed").isEqualTo(customers);
        for (Http instance : List.of(first, second)) {
            Http.Response sellerView = instance.get("/admin/sellers/" + seller.sellerId()).bearer(ADMIN_TOKEN).send();
            assertThat(sellerView.status()).as(sellerView.body()).isEqualTo(200);
            assertThat(sellerView.json().get("customer_count").asInt()).as("customer_count").isEqualTo(customers);
        }
    }

    /** Every page of the seller's list, as the instance answers it. */
    private static List<String> listPages(Http instance, SellerWithKey seller) {
        List<String> pages = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 100; guard++) {
            Http.Response page = instance.get("/api/customers?limit=100"
                    + (cursor == null ? "" : "&starting_after=" + cursor)).apiKey(seller.apiKey()).send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            pages.add(page.body());
            JsonNode data = page.json().get("data");
            if (!page.json().get("has_more").asBoolean() || data.isEmpty()) {
                return pages;
            }
            cursor = data.get(data.size() - 1).get("id").asString();
        }
        throw new AssertionError("the list never ended");
    }

    private static List<String> listedIds(Http instance, SellerWithKey seller, String query) {
        Http.Response page = instance.get("/api/customers?" + query).apiKey(seller.apiKey()).send();
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return ids(page.json().get("data"));
    }

    /**
     * Waits until a statement like the pattern (SQL LIKE) waits for a lock in PostgreSQL. The statement is the other
     * instance's, a process of its own, and PostgreSQL tells of its waits only when asked: so it is asked, within a
     * bound.
     */
    private void awaitStatementWaitingForALock(String statement) throws InterruptedException {
        Instant deadline = Instant.now().plus(LOCK_WAIT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            long waiting = jdbc.sql("""
                            SELECT count(*) FROM pg_stat_activity
                            WHERE wait_event_type = 'Lock' AND datname = current_database() AND query LIKE :statement
                            """)
                    .param("statement", statement).query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no statement like '" + statement + "' waited for a lock within " + LOCK_WAIT_TIMEOUT);
    }
}
