package com.virtualoffice.registration.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import com.virtualoffice.registration.support.Scrape;
import com.virtualoffice.registration.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;

/** /actuator/prometheus: the operator's, with the service's own meters moving as requests are served. */
class MetricsTest extends ServiceTest {

    @Autowired
    @Qualifier("snapshotWriter")
    private ExecutorService snapshotWriter;

    @Value("${registration.axon.snapshot-threshold}")
    private int snapshotThreshold;

    @Test
    void the_metrics_take_the_operator_token() {
        var anonymous = http.get("/actuator/prometheus").send();
        var wrongToken = http.get("/actuator/prometheus").bearer("not-the-token").send();

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"Unauthorized\",\"message\":\"Invalid admin token\"}");
        assertThat(wrongToken.status()).isEqualTo(401);
        assertThat(Scrape.of(http, ADMIN_TOKEN).has("jvm_memory_used_bytes")).isTrue();
    }

    @Test
    void commands_rejections_and_group_commits_are_counted_by_kind() {
        SellerWithKey seller = operator.sellerOn("free");
        Scrape before = Scrape.of(http, ADMIN_TOKEN);

        String email = UUID.randomUUID() + "@example.com";
        var created = http.post("/api/customers").apiKey(seller.apiKey()).json(Customers.withEmail(email)).send();
        var duplicate = http.post("/api/customers").apiKey(seller.apiKey()).json(Customers.withEmail(email)).send();
        var updated = http.request("PATCH", "/api/customers/" + created.field("id")).apiKey(seller.apiKey())
                .json("{\"company_name\":\"Acme\"}").send();
        var unknown = http.request("DELETE", "/api/customers/" + UUID.randomUUID()).apiKey(seller.apiKey()).send();
        Scrape after = Scrape.of(http, ADMIN_TOKEN);

        assertThat(created.status()).isEqualTo(201);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(moved(before, after, "registration_commands_seconds_count",
                "command", "register_customer", "outcome", "accepted")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "registration_commands_seconds_count",
                "command", "register_customer", "outcome", "rejected")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "registration_commands_seconds_count",
                "command", "update_customer", "outcome", "accepted")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "registration_commands_seconds_count",
                "command", "delete_customer", "outcome", "rejected")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "registration_commands_seconds_bucket",
                "command", "register_customer", "outcome", "accepted", "le", "+Inf")).isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "registration_rejections_total", "reason", "email_taken"))
                .isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "registration_rejections_total", "reason", "not_found"))
                .isGreaterThanOrEqualTo(1);
        assertThat(moved(before, after, "registration_group_commit_size_count")).isGreaterThanOrEqualTo(4);
        assertThat(moved(before, after, "registration_seller_cache_total", "result", "hit"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void a_full_plan_is_a_plan_limit_rejection() {
        SellerWithKey seller = operator.sellerOn("free");
        for (int i = 0; i < 10; i++) {
            assertThat(http.post("/api/customers").apiKey(seller.apiKey())
                    .json(Customers.withEmail(UUID.randomUUID() + "@example.com")).send().status()).isEqualTo(201);
        }
        Scrape before = Scrape.of(http, ADMIN_TOKEN);

        var refused = http.post("/api/customers").apiKey(seller.apiKey())
                .json(Customers.withEmail(UUID.randomUUID() + "@example.com")).send();

        assertThat(refused.status()).isEqualTo(403);
        assertThat(moved(before, Scrape.of(http, ADMIN_TOKEN), "registration_rejections_total",
                "reason", "plan_limit")).isEqualTo(1);
    }

    @Test
    void a_seller_snapshot_is_counted_once_written() throws Exception {
        SellerWithKey seller = operator.sellerOn("enterprise");
        // Keys of their own rate limit (a burst of 100 each), so that the creates need not wait for any.
        List<String> keys = new ArrayList<>(List.of(seller.apiKey()));
        while (keys.size() * 100 < snapshotThreshold) {
            keys.add(http.post("/admin/sellers/" + seller.sellerId() + "/api-keys").bearer(ADMIN_TOKEN).json("{}")
                    .send().field("key"));
        }
        Scrape before = Scrape.of(http, ADMIN_TOKEN);

        for (int i = 0; i < snapshotThreshold; i++) {
            assertThat(http.post("/api/customers").apiKey(keys.get(i % keys.size()))
                    .json(Customers.withEmail(UUID.randomUUID() + "@example.com")).send().status()).isEqualTo(201);
        }

        // Written on a thread of its own, queued there as the command that made it due commits: a task queued
        // behind it on that one thread runs once it is written.
        snapshotWriter.submit(() -> { }).get(30, TimeUnit.SECONDS);
        assertThat(moved(before, Scrape.of(http, ADMIN_TOKEN), "registration_snapshots_total", "outcome", "stored"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_standard_meters_and_the_steady_state_gauges_are_there() {
        Scrape scrape = Scrape.of(http, ADMIN_TOKEN);

        assertThat(scrape.has("http_server_requests_seconds_count")).isTrue();
        assertThat(scrape.has("http_server_requests_seconds_bucket")).isTrue();
        assertThat(scrape.has("hikaricp_connections_active")).isTrue();
        assertThat(scrape.has("tomcat_sessions_active_current_sessions")).isTrue();
        assertThat(scrape.has("jvm_gc_pause_seconds_count") || scrape.has("jvm_gc_concurrent_phase_time_seconds_count"))
                .isTrue();
        // The inline read models are written with each command: no lag outside a replay.
        for (String projection : new String[] {"read-models", "customers", "customer-events"}) {
            assertThat(scrape.all("registration_projection_lag_events", "projection", projection))
                    .singleElement().satisfies(series -> assertThat(series.value()).isZero());
            assertThat(scrape.all("registration_replay_events_per_second", "projection", projection))
                    .singleElement().satisfies(series -> assertThat(series.value()).isZero());
        }
        assertThat(scrape.has("registration_webhook_backlog")).isTrue();
        assertThat(scrape.has("registration_webhook_oldest_pending_seconds")).isTrue();
        assertThat(scrape.has("registration_snapshots_total", "outcome", "stored")).isTrue();
        // Nothing is tagged by seller or key.
        assertThat(scrape.all("registration_commands_seconds_count"))
                .allSatisfy(series -> assertThat(series.labels()).doesNotContainKeys("seller", "seller_id",
                        "api_key", "key"));
    }

    private static double moved(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
