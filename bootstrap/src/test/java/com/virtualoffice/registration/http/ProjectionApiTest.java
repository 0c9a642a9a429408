package com.virtualoffice.registration.http;

import static com.virtualoffice.registration.support.Contract.assertCreated;
import static com.virtualoffice.registration.support.Contract.assertError;
import static com.virtualoffice.registration.support.Contract.propertyNames;
import static com.virtualoffice.registration.support.Contract.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * docs/api.md, "Operator API": GET /admin/projections, POST /admin/projections/{name}/replay and
 * /admin/projections/{name}/verify, against the real server and database.
 */
class ProjectionApiTest extends ServiceTest {

    private static final List<String> STATUS_FIELDS =
            List.of("name", "position", "head", "lag", "replaying", "events_per_second");
    /** ReadModelRebuild's advisory lock, which an instance holds for the whole of a replay. */
    private static final long REPLAY_LOCK = 0x7265_706c_6179L;
    private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    @Qualifier("readModelReplays")
    private ExecutorService readModelReplays;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    @Test
    void when_listing_then_every_read_model_comes_first_then_each_table_on_its_own() {
        var response = http.get("/admin/projections").bearer(ADMIN_TOKEN).send();

        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> projections = data(response);
        assertThat(projections).extracting(projection -> projection.get("name").asString())
                .containsExactly("read-models", "customers", "customer-events");
        projections.forEach(projection -> {
            assertThat(propertyNames(projection)).containsExactlyElementsOf(STATUS_FIELDS);
            assertThat(projection.get("replaying").asBoolean()).isFalse();
            assertThat(projection.get("lag").asLong()).isZero();
        });
    }

    @Test
    void given_customers_when_replaying_the_customer_projection_then_their_rows_come_back_and_no_other_table_is_rebuilt()
            throws Exception {
        var seller = operator.sellerOn("business");
        List<String> ids = List.of(create(seller.apiKey()), create(seller.apiKey()), create(seller.apiKey()));
        http.request("PATCH", "/api/customers/" + ids.get(0)).apiKey(seller.apiKey())
                .json("{\"status\":\"inactive\",\"company_name\":\"Renamed Ltd\"}").send();
        http.request("DELETE", "/api/customers/" + ids.get(1)).apiKey(seller.apiKey()).send();
        List<String> customersBefore = customerRows(seller.sellerId());
        long customerTable = tableOid("customers");
        long historyTable = tableOid("customer_events");

        var response = http.post("/admin/projections/customers/replay").bearer(ADMIN_TOKEN).send();

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        assertThat(propertyNames(response.json())).containsExactlyElementsOf(STATUS_FIELDS);
        assertThat(response.field("name")).isEqualTo("customers");
        awaitReplayed("customers");
        assertThat(customerRows(seller.sellerId())).isEqualTo(customersBefore);
        assertThat(tableOid("customers")).as("the customer table was swapped").isNotEqualTo(customerTable);
        assertThat(tableOid("customer_events")).as("the history was left alone").isEqualTo(historyTable);
        assertThat(http.get("/api/customers/" + ids.get(0)).apiKey(seller.apiKey()).send().field("company_name"))
                .isEqualTo("Renamed Ltd");
    }

    @Test
    void when_verifying_the_customer_projection_then_only_its_table_is_compared() {
        create(operator.sellerOn("starter").apiKey());

        var response = http.post("/admin/projections/customers/verify").bearer(ADMIN_TOKEN).send();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.field("name")).isEqualTo("customers");
        assertThat(response.json().get("equal").asBoolean()).as(response.body()).isTrue();
        assertThat(response.json().get("events").asLong()).isPositive();
    }

    @Test
    void given_an_unknown_projection_when_replaying_or_verifying_then_404() {
        for (String action : List.of("replay", "verify")) {
            var response = http.post("/admin/projections/nothing-by-this-name/" + action).bearer(ADMIN_TOKEN).send();

            assertError(response, 404, "Not Found", "Projection not found");
        }
    }

    @Test
    void given_a_replay_under_way_on_another_instance_when_verifying_then_409() throws Exception {
        try (Connection otherInstance = dataSource.getConnection()) {
            advisoryLock(otherInstance, "pg_advisory_lock");
            try {
                var response = http.post("/admin/projections/customer-events/verify").bearer(ADMIN_TOKEN).send();

                assertError(response, 409, "Conflict", "A replay is already running");
            } finally {
                advisoryLock(otherInstance, "pg_advisory_unlock");
            }
        }
    }

    private String create(String apiKey) {
        var response = http.post("/api/customers").apiKey(apiKey).json(Customers.withEveryField(uniqueEmail())).send();
        assertCreated(response);
        return response.field("id");
    }

    /**
     * A replay runs on the service's one replay thread, queued there before the 202 leaves: a task queued behind it
     * runs once it has finished.
     */
    private void awaitReplayed(String name) throws Exception {
        readModelReplays.submit(() -> { }).get(REPLAY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode status = data(http.get("/admin/projections").bearer(ADMIN_TOKEN).send()).stream()
                .filter(projection -> projection.get("name").asString().equals(name)).findFirst().orElseThrow();
        assertThat(status.get("replaying").asBoolean()).as(status.toString()).isFalse();
        assertThat(status.get("events_per_second").asLong()).as(status.toString()).isPositive();
    }

    private static List<JsonNode> data(Http.Response response) {
        return StreamSupport.stream(response.json().get("data").spliterator(), false).toList();
    }

    private List<String> customerRows(String sellerId) {
        return jdbc.sql("SELECT c::text FROM customers c WHERE seller_id = :seller ORDER BY id")
                .param("seller", UUID.fromString(sellerId))
                .query(String.class).list();
    }

    private long tableOid(String table) {
        return jdbc.sql("SELECT CAST(to_regclass(:table) AS oid)").param("table", table).query(Long.class).single();
    }

    private static void advisoryLock(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, REPLAY_LOCK);
            statement.execute();
        }
    }
}
