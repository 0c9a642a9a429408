package com.virtualoffice.registration.adapters.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract, as committed in {@code docs/api/openapi.yaml} (packaged from there, so there is one copy): the
 * YAML byte for byte, the same converted to JSON, and Swagger UI rendering it at {@code /docs}. No authentication:
 * the contract is public.
 */
@RestController
class ContractController {

    static final String DOCUMENT = "contract/openapi.yaml";
    /** Where Swagger UI's own files are served from; {@link #swaggerUiLocation()} says where they come from. */
    static final String SWAGGER_UI_PATH = "/docs/";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] yaml = read(DOCUMENT);
    private final String json = JsonMapper.builder().build()
            .writeValueAsString(YAMLMapper.builder().build().readTree(yaml));
    private final String page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Customer registration API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
            </head>
            <body>
            <div id="swagger-ui"></div>
            <script src="/docs/swagger-ui-bundle.js"></script>
            <script>
              window.ui = SwaggerUIBundle({url: "/openapi.yaml", dom_id: "#swagger-ui", deepLinking: true});
            </script>
            </body>
            </html>
            """;

    @GetMapping("/openapi.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(YAML).body(yaml);
    }

    @GetMapping("/openapi.json")
    ResponseEntity<String> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    @GetMapping("/docs")
    ResponseEntity<String> swaggerUi() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    /** The Swagger UI webjar's files, under its version, which the webjar's own Maven metadata names. */
    static String swaggerUiLocation() {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")
                .getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the swagger-ui webjar is missing", e);
        }
        return "classpath:/META-INF/resources/webjars/swagger-ui/" + pom.getProperty("version") + "/";
    }

    private static byte[] read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the contract " + resource + " is not on the class path", e);
        }
    }
}
