package com.virtualoffice.registration.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.OwnPostgres;
import com.virtualoffice.registration.support.ServiceProcess;
import com.virtualoffice.registration.support.ServiceTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The README's "Running on your own PostgreSQL", done as it says on two server versions: Debian's PostgreSQL 15
 * (skipped, with the reason, where its postgresql package is not installed) and the embedded binaries' 18. The
 * service runs in a process of its own, pointed at the server with SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD,
 * as a role that is no superuser, in either set-up the README describes:
 * <ul>
 *   <li>the role owns its database: the migrations create everything, pg_trgm included (a trusted extension);</li>
 *   <li>the role may not create anything in the database: a DBA made it the owner of two schemas (the service's
 *   and the rebuild schema) and created pg_trgm in the service's schema; the URL names the schema.</li>
 * </ul>
 * In each the migrations run, a customer is created and found by the trigram search, and a verification rebuilds
 * every read model beside the live ones. Each set-up runs on one of the versions (each service start costs some
 * 20 s); both set-ups passed on both versions when this was written.
 */
class OwnPostgresTest {

    private static final String ROLE = "registration";
    private static final String PASSWORD = "app-role-secret";
    private static final String ADMIN = "own-postgres-test-admin-token-0123456789";

    @Test
    void postgres_15_role_owning_its_database() throws Exception {
        try (OwnPostgres server = debian(15)) {
            roleOwningItsDatabase(server);
        }
    }

    @Test
    void postgres_18_role_owning_only_its_schemas() throws Exception {
        try (OwnPostgres server = OwnPostgres.ofEmbeddedBinaries()) {
            assertThat(server.serverVersion()).startsWith("18.");
            roleOwningOnlyItsSchemas(server);
        }
    }

    private static OwnPostgres debian(int version) {
        Optional<Path> binaries = OwnPostgres.systemBinaries(version);
        assumeTrue(binaries.isPresent(), "PostgreSQL " + version + " server binaries not installed"
                + " (/usr/lib/postgresql/" + version + "/bin; Debian: apt-get install postgresql-" + version + ")");
        OwnPostgres server = OwnPostgres.ofSystemBinaries(binaries.get());
        assertThat(server.serverVersion()).startsWith(version + ".");
        return server;
    }

    private static void roleOwningItsDatabase(OwnPostgres server) {
        server.asSuperuser("postgres",
                "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'",
                "CREATE DATABASE registration OWNER " + ROLE);
        serves(server.jdbcUrl("registration"));
    }

    private static void roleOwningOnlyItsSchemas(OwnPostgres server) {
        server.asSuperuser("postgres",
                "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'",
                "CREATE DATABASE registration",
                "REVOKE CREATE ON DATABASE registration FROM PUBLIC");
        server.asSuperuser("registration",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "CREATE SCHEMA registration AUTHORIZATION " + ROLE,
                "CREATE SCHEMA read_model_rebuild AUTHORIZATION " + ROLE,
                "CREATE EXTENSION pg_trgm SCHEMA registration");
        serves(server.jdbcUrl("registration") + "?currentSchema=registration");
    }

    /** The service on that database as the application role: migrated, serving, able to rebuild its read models. */
    private static void serves(String url) {
        try (ServiceProcess service = ServiceProcess.start(Map.of(
                "SPRING_DATASOURCE_URL", url,
                "SPRING_DATASOURCE_USERNAME", ROLE,
                "SPRING_DATASOURCE_PASSWORD", PASSWORD,
                "ADMIN_TOKEN", ADMIN,
                "REGISTRATION_DATA_KEY", ServiceTest.DATA_KEY,
                "AXONIQ_UPDATE_CHECKER_DISABLED", "true"), "--server.port=0")) {
            Http http = service.ready();
            var seller = http.post("/admin/sellers").bearer(ADMIN).json("{\"name\":\"Own\",\"plan\":\"starter\"}")
                    .send();
            assertThat(seller.status()).as(seller.body()).isEqualTo(201);
            String apiKey = http.post("/admin/sellers/" + seller.field("id") + "/api-keys").bearer(ADMIN)
                    .json("{}").send().field("key");
            var created = http.post("/api/customers").apiKey(apiKey).json(Customers.withEmail("grace@example.com"))
                    .send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);

            Supplier<String> found = () -> http.get("/api/customers?q=race@exam").apiKey(apiKey).send().body();
            var verified = http.post("/admin/projections/read-models/verify").bearer(ADMIN).send();

            assertThat(found.get()).contains(created.field("id"));
            assertThat(verified.status()).as("%s\n%s", verified.body(), String.join("\n", service.lines()))
                    .isEqualTo(200);
            assertThat(verified.json().get("equal").asBoolean()).as(verified.body()).isTrue();
        }
    }
}
