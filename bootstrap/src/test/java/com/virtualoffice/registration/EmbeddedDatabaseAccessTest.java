package com.virtualoffice.registration;

import com.virtualoffice.registration.support.DataDirs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded PostgreSQL is no open superuser: loopback only, a password for every connection, and the service
 * connects as a role that owns its tables without being a superuser. A data directory an earlier version made
 * (trust authentication, everything the superuser's) keeps working and is brought to the same rules.
 */
class EmbeddedDatabaseAccessTest {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final String ADMIN = "access-admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1";

    private Path dataDir;

    @AfterEach
    void cleanUp() {
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    private static String url(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    @Test
    void given_a_fresh_data_directory_then_only_the_services_role_with_its_password_gets_in_and_it_is_no_superuser()
            throws Exception {
        dataDir = DataDirs.temporary("registration-access-");

        try (EmbeddedPostgres postgres = new EmbeddedDatabaseConfiguration().embeddedPostgres(dataDir, STOP_TIMEOUT)) {
            Path credentials = dataDir.resolve(EmbeddedDatabaseAccess.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                    .isEqualTo("rw-------");
            var access = EmbeddedDatabaseAccess.of(dataDir);

            assertThatThrownBy(() -> DriverManager.getConnection(url(postgres), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url(postgres), "registration", "wrong").close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(url(postgres), "registration",
                    access.rolePassword());
                 var rows = connection.createStatement().executeQuery("SELECT rolsuper, current_setting("
                         + "'listen_addresses') FROM pg_roles WHERE rolname = current_user")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBoolean(1)).isFalse();
                assertThat(rows.getString(2)).isEqualTo("localhost");
            }
        }
    }

    @Test
    void given_a_data_directory_of_an_earlier_version_then_the_service_starts_on_it_and_keeps_its_data()
            throws Exception {
        dataDir = DataDirs.temporary("registration-access-upgrade-");
        // What an earlier version left: zonky's defaults (trust, the superuser), its schema made by the superuser.
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false).start()) {
            Flyway.configure().dataSource(earlier.getPostgresDatabase()).locations("classpath:db/migration").load()
                    .migrate();
            try (Connection connection = earlier.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("CREATE TABLE kept_from_before (id int);"
                        + " INSERT INTO kept_from_before VALUES (42)");
            }
        }

        try (var service = new SpringApplicationBuilder(RegistrationApplication.class, TestClock.class).run(
                "--server.port=0", "--registration.data-dir=" + dataDir, "--registration.admin-token=" + ADMIN,
                "--registration.demo.enabled=false", "--axoniq.update-checker.disabled=true")) {
            Http http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
            var seller = http.post("/admin/sellers").bearer(ADMIN).json("{\"name\":\"Upgraded\"}").send();
            assertThat(seller.status()).as(seller.body()).isEqualTo(201);
            String key = http.post("/admin/sellers/" + seller.field("id") + "/api-keys").bearer(ADMIN).json("{}")
                    .send().field("key");
            assertThat(http.post("/api/customers").apiKey(key).json(Customers.withEmail("up@example.com")).send()
                    .status()).isEqualTo(201);

            int port = service.getBean(EmbeddedPostgres.class).getPort();
            String jdbc = "jdbc:postgresql://localhost:" + port + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(jdbc, "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(jdbc, "registration",
                    EmbeddedDatabaseAccess.of(dataDir).rolePassword());
                 var rows = connection.createStatement().executeQuery("SELECT id FROM kept_from_before")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }
}
