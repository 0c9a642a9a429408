package com.virtualoffice.registration.eventstore;

import com.virtualoffice.registration.support.DataDirs;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The service stopped and started again on the same data directory finds everything it had. */
class RestartTest {

    private static final String ADMIN = "restart-admin-token-0f1e2d3c4b5a69788796a5b4c3";

    @Test
    void customers_survive_a_restart() throws Exception {
        Path dataDir = DataDirs.temporary("registration-restart-");
        String apiKey;
        String customerId;
        String customerBody;

        try (ConfigurableApplicationContext first = start(dataDir)) {
            Http http = http(first);
            var seller = http.post("/admin/sellers").bearer(ADMIN).json("{\"name\":\"Durable\"}").send();
            apiKey = http.post("/admin/sellers/" + seller.field("id") + "/api-keys").bearer(ADMIN).json("{}").send()
                    .field("key");
            var created = http.post("/api/customers").apiKey(apiKey).json(Customers.withEmail("kept@example.com"))
                    .send();
            assertThat(created.status()).isEqualTo(201);
            customerId = created.field("id");
            customerBody = created.body();
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Http http = http(second);
            var read = http.get("/api/customers/" + customerId).apiKey(apiKey).send();
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body()).isEqualTo(customerBody);
            assertThat(http.post("/api/customers").apiKey(apiKey).json(Customers.withEmail("KEPT@example.com")).send()
                    .status()).isEqualTo(409);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(RegistrationApplication.class, TestClock.class).run(
                "--server.port=0",
                "--registration.data-dir=" + dataDir,
                "--registration.admin-token=" + ADMIN,
                "--registration.demo.enabled=false");
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
