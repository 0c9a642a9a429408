package com.virtualoffice.registration.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * /actuator/info says which build runs; the probes are open to the orchestrator on the service's port.
 * (PostgresOutageTest watches the probes while the database is away.)
 */
class InfoAndProbesTest extends ServiceTest {

    @Test
    void info_names_the_version_the_commit_and_the_build_time() {
        var info = http.get("/actuator/info").send();

        assertThat(info.status()).isEqualTo(200);
        JsonNode json = info.json();
        assertThat(json.at("/build/version").asString()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(json.at("/build/time").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(json.at("/git/commit/id").asString()).matches("[0-9a-f]{7,40}");
        assertThat(json.at("/java/version").asString()).isNotBlank();
    }

    @Test
    void liveness_and_readiness_are_up_once_the_service_serves() {
        var liveness = http.get("/actuator/health/liveness").send();
        var readiness = http.get("/actuator/health/readiness").send();

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
    }
}
