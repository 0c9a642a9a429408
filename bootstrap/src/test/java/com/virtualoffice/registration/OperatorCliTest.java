package com.virtualoffice.registration;

import com.virtualoffice.registration.support.DataDirs;
import static com.virtualoffice.registration.support.Contract.FULL_KEY;
import static com.virtualoffice.registration.support.Contract.LOWER_CASE_UUID;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.cli.OperatorCli;
import com.virtualoffice.registration.support.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/api.md, "Operator API": the operator commands of the packaged application, run in-process
 * through {@link OperatorCli#run} with System.out and System.err captured. Every command that needs the
 * database starts a Spring context of its own (no web server) on the embedded PostgreSQL of a fresh data
 * directory, so the commands that do are few and build on each other, in order. Help and usage errors start
 * nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorCliTest {

    private static final String DATA_DIR = "registration.data-dir";
    private static final String UPDATE_CHECK = "axoniq.update-checker.disabled";

    private static Path dataDir;
    private static boolean setUpdateCheck;

    // What the commands made, for the commands after them.
    private static String sellerId;
    private static String firstKey;
    private static String firstKeyId;
    private static String ciKey;
    private static String ciKeyId;

    @BeforeAll
    static void freshDataDir() throws IOException {
        dataDir = DataDirs.temporary("registration-cli-test-");
        System.setProperty(DATA_DIR, dataDir.toString());
        // As RegistrationApplication.main does before it hands over to the CLI.
        if (System.getProperty(UPDATE_CHECK) == null) {
            System.setProperty(UPDATE_CHECK, "true");
            setUpdateCheck = true;
        }
    }

    @AfterAll
    static void clear() throws IOException {
        System.clearProperty(DATA_DIR);
        if (setUpdateCheck) {
            System.clearProperty(UPDATE_CHECK);
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static CliRun cli(String... args) {
        return CliRun.of(RegistrationApplication::operatorContext, args);
    }

    // Without the database

    @Test
    @Order(1)
    void help_lists_the_seller_and_key_commands_and_exits_0() {
        var result = cli("--help");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("seller").contains("key");
    }

    @Test
    @Order(2)
    void seller_create_without_name_is_a_usage_error_with_exit_2() {
        var result = cli("seller", "create", "--plan", "starter");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("--name");
    }

    @Test
    @Order(3)
    void seller_show_with_an_id_that_is_not_a_uuid_is_a_usage_error_with_exit_2() {
        var result = cli("seller", "show", "not-a-uuid");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    }

    // With the database, each building on the ones before

    @Test
    @Order(10)
    void seller_create_prints_the_seller_id_and_a_new_api_key() {
        var result = cli("seller", "create", "--name", "Acme", "--plan", "starter");

        assertThat(result.exitCode()).as(result.all()).isZero();
        sellerId = result.field("seller_id");
        assertThat(sellerId).matches(LOWER_CASE_UUID);
        firstKey = result.field("api_key");
        assertThat(firstKey).matches(FULL_KEY);
        firstKeyId = result.field("api_key_id");
        assertThat(firstKeyId).matches(LOWER_CASE_UUID);
        assertThat(result.field("name")).isEqualTo("Acme");
        assertThat(result.field("plan")).isEqualTo("starter");
        assertThat(result.field("customer_limit")).isEqualTo("100");
        assertThat(result.field("customer_count")).isEqualTo("0");
    }

    @Test
    @Order(11)
    void seller_set_plan_moves_the_seller_and_prints_the_new_plan() {
        var result = cli("seller", "set-plan", sellerId, "--plan", "business");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.field("seller_id")).isEqualTo(sellerId);
        assertThat(result.field("plan")).isEqualTo("business");
        assertThat(result.field("customer_limit")).isEqualTo("1000");
    }

    @Test
    @Order(12)
    void seller_set_plan_to_an_unknown_plan_is_a_usage_error_with_exit_2() {
        var result = cli("seller", "set-plan", sellerId, "--plan", "gold");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.all()).contains("unknown plan");
    }

    @Test
    @Order(13)
    void seller_show_prints_the_seller_as_it_is_now() {
        var result = cli("seller", "show", sellerId);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.field("seller_id")).isEqualTo(sellerId);
        assertThat(result.field("name")).isEqualTo("Acme");
        // The failed "gold" did not change it.
        assertThat(result.field("plan")).isEqualTo("business");
        assertThat(result.field("customer_limit")).isEqualTo("1000");
        assertThat(result.out()).doesNotContain(firstKey);
    }

    @Test
    @Order(14)
    void key_issue_prints_a_new_key_and_its_id() {
        var result = cli("key", "issue", sellerId, "--name", "ci", "--expires-at", "2030-01-01T00:00:00Z");

        assertThat(result.exitCode()).as(result.all()).isZero();
        ciKey = result.field("api_key");
        assertThat(ciKey).matches(FULL_KEY).isNotEqualTo(firstKey);
        ciKeyId = result.field("api_key_id");
        assertThat(ciKeyId).matches(LOWER_CASE_UUID).isNotEqualTo(firstKeyId);
    }

    @Test
    @Order(15)
    void key_revoke_revokes_the_key() {
        var result = cli("key", "revoke", ciKeyId);

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains(ciKeyId).doesNotContain(ciKey);
    }

    @Test
    @Order(16)
    void key_list_lists_both_keys_with_their_state_but_never_a_key() {
        var result = cli("key", "list", sellerId);

        assertThat(result.exitCode()).as(result.all()).isZero();
        String firstLine = result.out().lines().filter(line -> line.contains(firstKeyId)).findFirst().orElseThrow(
                () -> new AssertionError("first key not listed:\n" + result.out()));
        String ciLine = result.out().lines().filter(line -> line.contains(ciKeyId)).findFirst().orElseThrow(
                () -> new AssertionError("ci key not listed:\n" + result.out()));
        assertThat(firstLine).contains(firstKey.substring(0, 12)).contains("active");
        assertThat(ciLine).contains(ciKey.substring(0, 12)).contains("revoked").contains("2030-01-01T00:00:00Z")
                .contains("ci");
        assertThat(result.out().indexOf(firstKeyId)).as("oldest first").isLessThan(result.out().indexOf(ciKeyId));
        for (String key : new String[] {firstKey, ciKey}) {
            assertThat(result.all()).doesNotContain(key).doesNotContain(key.substring("sk_live_".length()));
        }
        assertThat(FULL_KEY.matcher(result.all()).find()).as("no full key anywhere in%n%s", result.all()).isFalse();
    }

    @Test
    @Order(17)
    void key_delete_deletes_the_key_and_a_second_delete_finds_nothing() {
        var deleted = cli("key", "delete", ciKeyId);
        assertThat(deleted.exitCode()).as(deleted.all()).isZero();

        var again = cli("key", "delete", ciKeyId);
        assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
        assertThat(again.err()).contains(ciKeyId);
    }

    @Test
    @Order(18)
    void seller_show_of_an_unknown_seller_exits_1() {
        String unknown = UUID.randomUUID().toString();
        var result = cli("seller", "show", unknown);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains(unknown);
    }

    @Test
    @Order(19)
    void projections_replay_of_the_customer_projection_replays_every_event_into_the_customer_table() {
        var result = cli("projections", "replay", "customers");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).containsPattern("replayed [1-9][0-9]* events in [0-9.]+ s");
    }

    @Test
    @Order(20)
    void projections_verify_of_an_unknown_projection_exits_1() {
        var result = cli("projections", "verify", "nothing-by-this-name");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("No such projection nothing-by-this-name");
    }
}
