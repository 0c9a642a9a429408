package com.virtualoffice.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every registration.* setting in application.yml is described in the configuration metadata the build generates
 * (spring-boot-configuration-processor), so IDEs complete and explain it.
 */
class ConfigurationMetadataTest {

    @Test
    void every_registration_setting_has_a_description() throws IOException {
        Map<String, String> described = new HashMap<>();
        for (URL metadata : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
                    described.put(property.get("name").asString(), property.path("description").asString(""));
                }
            }
        }
        var yaml = (EnumerablePropertySource<?>) new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).getFirst();

        var settings = java.util.Arrays.stream(yaml.getPropertyNames()).filter(name -> name.startsWith("registration."))
                .toList();

        assertThat(settings).hasSizeGreaterThan(30).allSatisfy(setting -> {
            // A map's entries (registration.plans.limits.free) are described by the map.
            String name = described.containsKey(setting) ? setting : setting.substring(0, setting.lastIndexOf('.'));
            assertThat(described).as("metadata of %s", setting).containsKey(name);
            assertThat(described.get(name)).as("description of %s", setting).isNotBlank();
        });
    }
}
