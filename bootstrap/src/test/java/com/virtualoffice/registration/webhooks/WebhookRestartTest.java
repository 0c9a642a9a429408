package com.virtualoffice.registration.webhooks;

import com.virtualoffice.registration.support.DataDirs;
import static com.virtualoffice.registration.webhooks.WebhookApi.ALL_EVENTS;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertIsEvent;
import static com.virtualoffice.registration.webhooks.WebhookApi.assertSigned;
import static com.virtualoffice.registration.webhooks.WebhookApi.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.RegistrationApplication;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.TestClock;
import com.virtualoffice.registration.webhooks.Receiver.Behaviour;
import com.virtualoffice.registration.webhooks.Receiver.Receipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A delivery not yet made when the service stops is made after it starts again: at least once, across restarts.
 * Unlike the other webhook tests it waits, within bounds, for the service's own polling schedule rather than driving
 * polls itself: that the schedule resumes by itself after a start is what it shows.
 */
class WebhookRestartTest {

    private static final String ADMIN = "webhook-restart-admin-token-0f1e2d3c4b5a6978";

    @Test
    void a_delivery_that_failed_before_a_restart_arrives_after_it() throws Exception {
        Path dataDir = DataDirs.temporary("registration-webhook-restart-");
        try (Receiver receiver = new Receiver()) {
            receiver.always("/hook", Behaviour.answer(500));
            String key;
            String endpointId;
            String secret;
            JsonNode event;
            int recordedAttempts;

            try (ConfigurableApplicationContext first = start(dataDir)) {
                WebhookApi api = new WebhookApi(http(first), ADMIN);
                key = api.sellerKey();
                JsonNode endpoint = api.registerEndpoint(key, receiver.url("/hook"), ALL_EVENTS);
                endpointId = endpoint.get("id").asString();
                secret = endpoint.get("secret").asString();
                api.createCustomer(key);
                event = api.events(key).getFirst();
                eventually(Duration.ofSeconds(5), () -> assertThat(receiver.receipts("/hook")).isNotEmpty());
                // Wait until the failed attempt is recorded: an attempt still under way at shutdown is, rightly,
                // not counted (its lease runs out and it is simply sent again).
                String eventId = event.get("id").asString();
                eventually(Duration.ofSeconds(5), () -> assertThat(api.delivery(key, endpointId, eventId)
                        .get("status").asString()).isEqualTo("failed"));
                recordedAttempts = api.delivery(key, endpointId, eventId).get("attempts").asInt();
            }
            int beforeRestart = receiver.receipts("/hook").size();
            assertThat(receiver.receipts("/hook")).noneMatch(Receipt::succeeded);
            receiver.always("/hook", Behaviour.answer(200));

            try (ConfigurableApplicationContext second = start(dataDir)) {
                WebhookApi api = new WebhookApi(http(second), ADMIN);
                String eventId = event.get("id").asString();
                eventually(Duration.ofSeconds(15), () -> assertThat(receiver.receipts("/hook"))
                        .anyMatch(Receipt::succeeded));
                eventually(Duration.ofSeconds(5), () -> {
                    JsonNode delivery = api.delivery(key, endpointId, eventId);
                    assertThat(delivery.get("status").asString()).as("%s", delivery).isEqualTo("succeeded");
                    assertThat(delivery.get("last_status_code").asInt()).as("%s", delivery).isEqualTo(200);
                    assertThat(delivery.get("attempts").asInt()).as("%s", delivery)
                            .isGreaterThanOrEqualTo(recordedAttempts + 1);
                });
                assertThat(api.events(key).getFirst().toString()).as("the same event after the restart")
                        .isEqualTo(event.toString());
            }
            List<Receipt> receipts = new ArrayList<>(receiver.receipts("/hook"));
            assertThat(receipts.size()).isGreaterThan(beforeRestart);
            Receipt delivered = receipts.stream().filter(Receipt::succeeded).findFirst().orElseThrow();
            assertThat(delivered.eventId()).isEqualTo(event.get("id").asString());
            assertIsEvent(delivered, event);
            assertSigned(delivered, secret);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--registration.data-dir=" + dataDir,
                "--registration.admin-token=" + ADMIN,
                "--registration.demo.enabled=false",
                // The receiver is on 127.0.0.1.
                "--registration.webhooks.allow-loopback=true",
                "--axoniq.update-checker.disabled=true"));
        for (String property : WebhookApi.FAST_WEBHOOKS) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(RegistrationApplication.class, TestClock.class)
                .run(args.toArray(String[]::new));
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
