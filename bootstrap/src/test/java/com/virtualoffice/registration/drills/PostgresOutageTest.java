package com.virtualoffice.registration.drills;

import com.virtualoffice.registration.support.DataDirs;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.PgCtl;
import com.virtualoffice.registration.support.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * PostgreSQL stops under the running service and comes back (bench/drills/postgres-outage.sh does the same under
 * load): while it is away, requests get the contract's 503 within the pool's connection timeout, health and
 * readiness are DOWN and liveness stays UP (an orchestrator must not restart the process for it); once it is back
 * the service serves again by itself, with nothing answered 201 lost. A service of its own, on a data directory of
 * its own, so that no other test loses its database; its management endpoints on a port of their own, as an
 * operator may put them, where the metrics need no token.
 */
class PostgresOutageTest {

    private static final String ADMIN = "outage-admin-token-0f1e2d3c4b5a69788796a5b4c3";
    private static final String UNAVAILABLE =
            "{\"error\":\"Service Unavailable\",\"message\":\"The service is temporarily unavailable\"}";
    /** Time for the rest of a request besides waiting for a connection, on a busy build machine. */
    private static final Duration SLACK = Duration.ofSeconds(1);
    /** Hikari retries a failed connection with a backoff that doubles up to 5 s; then one request. */
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    @Test
    void while_postgres_is_away_requests_get_a_prompt_503_and_then_the_service_recovers_by_itself() throws Exception {
        Path dataDir = DataDirs.temporary("registration-outage-");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(RegistrationApplication.class,
                TestClock.class).run(
                "--server.port=0", "--registration.data-dir=" + dataDir, "--registration.admin-token=" + ADMIN,
                "--registration.demo.enabled=false", "--management.server.port=0")) {
            Http http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
            Http management = new Http(service.getEnvironment().getRequiredProperty("local.management.port",
                    Integer.class));
            assertThat(management.get("/actuator/prometheus").send().status()).isEqualTo(200);
            assertThat(http.get("/actuator/prometheus").bearer(ADMIN).send().status()).isEqualTo(404);
            assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);
            Duration connectionTimeout = Duration.ofMillis(service.getEnvironment()
                    .getRequiredProperty("spring.datasource.hikari.connection-timeout", Long.class));
            var seller = http.post("/admin/sellers").bearer(ADMIN).json("{\"name\":\"Outage\"}").send();
            String apiKey = http.post("/admin/sellers/" + seller.field("id") + "/api-keys").bearer(ADMIN).json("{}")
                    .send().field("key");
            var before = http.post("/api/customers").apiKey(apiKey).json(Customers.withEmail("before@example.com"))
                    .send();
            assertThat(before.status()).isEqualTo(201);

            PgCtl postgres = PgCtl.ofRunningServer(dataDir.resolve("postgres"));
            postgres.stop();
            try {
                for (Http.Request request : new Http.Request[] {
                        http.post("/api/customers").apiKey(apiKey).json(Customers.withEmail("during@example.com")),
                        http.get("/api/customers/" + before.field("id")).apiKey(apiKey)}) {
                    long start = System.nanoTime();
                    var answer = request.send();
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(answer.body()).isEqualTo(UNAVAILABLE);
                    assertThat(took).isLessThan(connectionTimeout.plus(SLACK));
                }
                assertThat(management.get("/actuator/health").send().status()).isEqualTo(503);
                assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(503);
                assertThat(management.get("/actuator/health/liveness").send().status()).isEqualTo(200);
            } finally {
                postgres.start();
            }

            // PostgreSQL is another process, and the pool reconnects with a backoff of its own: creates are sent
            // until one is answered 201, within the bound the recovery is held to.
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            int status;
            do {
                status = http.post("/api/customers").apiKey(apiKey).json(Customers.withEmail("after@example.com"))
                        .send().status();
            } while (status == 503 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(201);
            assertThat(management.get("/actuator/health").send().status()).isEqualTo(200);
            assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);
            var kept = http.get("/api/customers/" + before.field("id")).apiKey(apiKey).send();
            assertThat(kept.status()).isEqualTo(200);
            assertThat(kept.body()).isEqualTo(before.body());
        } finally {
            // A PostgreSQL data directory is some 40 MB.
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
