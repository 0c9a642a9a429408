package com.virtualoffice.registration;

import com.virtualoffice.registration.support.DataDirs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.virtualoffice.registration.support.ServiceTest;
import com.virtualoffice.registration.support.TestClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a start prints and refuses. On the embedded database (a developer's machine): a demo seller with its key
 * and a made-up operator token, printed once. Against a configured PostgreSQL server (a deployment, whose console
 * is shipped to logs): no demo seller, no key, no made-up token; without ADMIN_TOKEN or REGISTRATION_DATA_KEY the
 * service does not start. A weak ADMIN_TOKEN and a malformed REGISTRATION_DATA_KEY are refused on either.
 */
class StartupRulesTest {

    private static final String STRONG_TOKEN = "a".repeat(OperatorTokenPolicy.MIN_LENGTH);
    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    private record Started(String console, ConfigurableApplicationContext context) {
    }

    /** Starts the service with the arguments, capturing what it prints. */
    private static Started start(List<String> arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--axoniq.update-checker.disabled=true"));
        args.addAll(arguments);
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            var context = new SpringApplicationBuilder(RegistrationApplication.class, TestClock.class)
                    .run(args.toArray(String[]::new));
            return new Started(printed.toString(StandardCharsets.UTF_8), context);
        } finally {
            System.setOut(console);
        }
    }

    private static List<String> onConfiguredServer(String database) throws Exception {
        try (var connection = server.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        return new ArrayList<>(List.of("--spring.datasource.url=" + server.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres", "--registration.data-key=" + ServiceTest.DATA_KEY));
    }

    private static List<String> onEmbedded() throws Exception {
        return new ArrayList<>(List.of("--registration.data-dir="
                + DataDirs.temporary("registration-startup-")));
    }

    @Test
    void given_the_embedded_database_and_no_token_then_a_demo_seller_its_key_and_an_operator_token_are_printed()
            throws Exception {
        Started started = start(onEmbedded());
        try (var context = started.context()) {
            assertThat(started.console()).contains("Demo seller 'Demo Seller'").contains("sk_live_")
                    .contains("No ADMIN_TOKEN configured; this run's operator token is:").contains("adm_");
            assertThat(sellers(context)).isEqualTo(1);
        }
    }

    @Test
    void given_a_configured_database_then_no_demo_seller_and_no_secret_is_printed() throws Exception {
        List<String> args = onConfiguredServer("deployed");
        args.add("--registration.admin-token=" + STRONG_TOKEN);
        args.add("--registration.demo.enabled=true");

        Started started = start(args);

        try (var context = started.context()) {
            assertThat(started.console()).doesNotContain("sk_live_").doesNotContain("Demo seller")
                    .doesNotContain("adm_").doesNotContain(STRONG_TOKEN);
            assertThat(sellers(context)).isZero();
        }
    }

    private static final String NO_TOKEN = "ADMIN_TOKEN is not set: with a configured database"
            + " (SPRING_DATASOURCE_URL) the operator token must be configured; generate one with: openssl rand -hex 32";
    private static final String WEAK_TOKEN = "ADMIN_TOKEN is too short: it must have at least 32 characters (it has"
            + " 9); generate one with: openssl rand -hex 32";

    /** The start fails, and the reason is this refusal (however deep Spring wrapped it). */
    private static void assertRefused(List<String> args, String message) {
        Throwable thrown = catchThrowable(() -> start(args));
        Throwable refusal = thrown;
        while (refusal != null && !(refusal instanceof StartupRefused)) {
            refusal = refusal.getCause();
        }
        assertThat(refusal).as("%s", thrown).isInstanceOf(StartupRefused.class).hasMessage(message);
    }

    @Test
    void given_a_configured_database_and_no_admin_token_then_the_service_refuses_to_start() throws Exception {
        List<String> args = onConfiguredServer("tokenless");
        assertRefused(args, NO_TOKEN);
        // Before it tries to reach the database: the refusal is the one thing said, even when it is unreachable.
        args.set(0, "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/unreachable");
        assertRefused(args, NO_TOKEN);
    }

    @Test
    void given_an_admin_token_shorter_than_32_characters_then_the_service_refuses_to_start() throws Exception {
        for (List<String> args : List.of(onEmbedded(), onConfiguredServer("weak"))) {
            args.add("--registration.admin-token=change-me");

            assertRefused(args, WEAK_TOKEN);
        }
    }

    @Test
    void given_a_configured_database_and_no_master_key_then_the_service_refuses_to_start() throws Exception {
        List<String> args = onConfiguredServer("keyless");
        args.removeIf(arg -> arg.startsWith("--registration.data-key="));
        args.add("--registration.admin-token=" + STRONG_TOKEN);

        assertRefused(args, "REGISTRATION_DATA_KEY is not set: with a configured database (SPRING_DATASOURCE_URL) the"
                + " master key of the customers' data keys must be configured;"
                + " generate one with: openssl rand -base64 32");
    }

    @Test
    void given_a_master_key_that_is_not_32_bytes_of_base64_then_the_service_refuses_to_start() throws Exception {
        for (List<String> args : List.of(onEmbedded(), onConfiguredServer("shortkey"))) {
            args.removeIf(arg -> arg.startsWith("--registration.data-key="));
            args.add("--registration.admin-token=" + STRONG_TOKEN);
            args.add("--registration.data-key=c2hvcnQ=");

            assertRefused(args, "REGISTRATION_DATA_KEY is not a master key: it is 5 bytes long, not 32 (it must be the"
                    + " base64 of 32 random bytes); generate one with: openssl rand -base64 32");
        }
    }

    @Test
    void given_a_refusal_then_the_failure_report_is_the_refusals_one_line() {
        var analysis = new StartupRefused.Analyzer().analyze(new IllegalStateException("wrapped",
                new StartupRefused("ADMIN_TOKEN is too short")));

        assertThat(analysis.getDescription()).isEqualTo("ADMIN_TOKEN is too short");
    }

    private static long sellers(ConfigurableApplicationContext context) {
        return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM sellers").query(Long.class).single();
    }
}
