package com.virtualoffice.registration.operations;

import com.virtualoffice.registration.support.DataDirs;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs: every line on the console is one JSON object, and a command's lines carry
 * the request id, the seller and the command's name, never the API key. In a process of its own, as an operator
 * runs it, since the log format is the whole JVM's.
 */
class StructuredLogTest {

    private static final String ADMIN = "structured-log-test-admin-token-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void each_line_is_one_json_object_and_a_commands_lines_name_its_request_seller_and_command() throws Exception {
        Path dataDir = DataDirs.temporary("registration-ecs-");
        try (ServiceProcess service = ServiceProcess.start(
                Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs", "DATA_DIR", dataDir.toString(),
                        "ADMIN_TOKEN", ADMIN, "AXONIQ_UPDATE_CHECKER_DISABLED", "true"),
                "--server.port=0", "--registration.demo.enabled=false",
                // One line per command decided: what an operator turns on to follow commands.
                "--logging.level.com.virtualoffice.registration.adapters.axon.CommandLogContext=DEBUG")) {
            Http http = service.ready();
            String sellerId = http.post("/admin/sellers").bearer(ADMIN).json("{\"name\":\"Logged\"}").send()
                    .field("id");
            String apiKey = http.post("/admin/sellers/" + sellerId + "/api-keys").bearer(ADMIN).json("{}").send()
                    .field("key");

            var created = http.post("/api/customers").apiKey(apiKey).header("X-Request-Id", "ecs-test-request-1")
                    .json(Customers.withEmail("logged@example.com")).send();

            assertThat(created.status()).isEqualTo(201);
            // The service's own request id, which it answers with and records; the client's stays beside it.
            String requestId = created.header("X-Request-Id").orElseThrow();
            String line = service.awaitLine(candidate -> candidate.contains(requestId),
                    Duration.ofSeconds(30));
            System.out.println("a command's log line: " + line);
            JsonNode decided = JSON.readTree(line);
            assertThat(decided.get("request_id").asString()).isEqualTo(requestId);
            assertThat(decided.get("seller_id").asString()).isEqualTo(sellerId);
            assertThat(decided.get("command").asString()).isEqualTo("register_customer");
            assertThat(decided.get("message").asString()).startsWith("decided in");
            assertThat(decided.has("@timestamp")).isTrue();
            assertThat(decided.at("/log/level").asString()).isEqualTo("DEBUG");
            assertThat(service.lines()).isNotEmpty().allSatisfy(each -> {
                assertThat(JSON.readTree(each).isObject()).as(each).isTrue();
                assertThat(each).doesNotContain(apiKey).doesNotContain(ADMIN);
            });
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
