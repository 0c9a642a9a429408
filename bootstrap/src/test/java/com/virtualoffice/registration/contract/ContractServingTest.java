package com.virtualoffice.registration.contract;

import static com.virtualoffice.registration.support.Contract.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.support.OpenApiContract;
import com.virtualoffice.registration.support.ServiceTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docs/api.md, "The contract and its tests": the committed document is what the service serves, and Swagger UI shows it. */
class ContractServingTest extends ServiceTest {

    private static final Path DOCUMENT = OpenApiContract.DOCUMENT;

    @Test
    void the_yaml_is_the_committed_file_byte_for_byte_without_authentication() throws Exception {
        var answer = http.get("/openapi.yaml").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).hasValue("application/yaml");
        assertThat(answer.body()).isEqualTo(Files.readString(DOCUMENT));
    }

    @Test
    void the_json_is_the_same_document_converted() throws Exception {
        var answer = http.get("/openapi.json").send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.json()).isEqualTo(YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT)));
        assertThat(JSON.readTree(answer.body()).get("openapi").asString()).isEqualTo("3.1.0");
    }

    @Test
    void swagger_ui_is_at_docs_with_its_files_and_points_at_the_document() {
        var page = http.get("/docs").send();
        var bundle = http.get("/docs/swagger-ui-bundle.js").send();
        var css = http.get("/docs/swagger-ui.css").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("url: \"/openapi.yaml\"");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(css.status()).isEqualTo(200);
    }

    @Test
    void other_paths_under_docs_are_routes_not_found() {
        var answer = http.get("/docs/nothing.js").send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Not Found\",\"message\":\"Route GET:/docs/nothing.js not found\"}");
    }
}
