package com.virtualoffice.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.virtualoffice.registration.adapters.cli.OperatorCli;
import com.virtualoffice.registration.adapters.privacy.MasterKey;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.support.Customers;
import com.virtualoffice.registration.support.DataDirs;
import com.virtualoffice.registration.support.Http;
import com.virtualoffice.registration.support.Operator;
import com.virtualoffice.registration.support.Operator.SellerWithKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The master key of the customers' data keys: made up and kept on the embedded database, refused when it is not the
 * one the data keys are stored under, and rotated by the operator without losing a customer. Its other refusals:
 * {@link StartupRulesTest}.
 */
class MasterKeyTest {

    private static final String ADMIN = "master-key-test-admin-token-0123456789abcdef";
    private static ConfigurableApplicationContext start(List<String> arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--axoniq.update-checker.disabled=true",
                "--registration.demo.enabled=false", "--registration.admin-token=" + ADMIN));
        args.addAll(arguments);
        return new SpringApplicationBuilder(RegistrationApplication.class).run(args.toArray(String[]::new));
    }

    private static void assertRefused(List<String> args, String message) {
        Throwable thrown = catchThrowable(() -> start(args).close());
        Throwable refusal = thrown;
        while (refusal != null && !(refusal instanceof StartupRefused)) {
            refusal = refusal.getCause();
        }
        assertThat(refusal).as("%s", thrown).isInstanceOf(StartupRefused.class);
        assertThat(refusal.getMessage()).startsWith(message);
    }

    @Test
    void given_the_embedded_database_then_a_made_up_key_is_kept_private_and_survives_a_rotation() throws Exception {
        Path dataDir = DataDirs.temporary("registration-master-key-");
        List<String> embedded = List.of("--registration.data-dir=" + dataDir);
        Path keyFile = dataDir.resolve("data-key");
        String email = "rotated@example.com";
        String sellerId;
        try (var service = start(embedded)) {
            SellerWithKey seller = new Operator(http(service), ADMIN).sellerOn("starter");
            sellerId = seller.sellerId();
            var created = http(service).post("/api/customers").apiKey(seller.apiKey())
                    .json(Customers.withEmail(email)).send();
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String madeUp = Files.readString(keyFile).strip();
        try (var service = start(embedded)) {
            assertThat(registeredEmail(service, sellerId)).isEqualTo(email);
        }
        assertThat(Files.readString(keyFile).strip()).isEqualTo(madeUp);

        String next = MasterKey.generate().base64();
        int exitCode = OperatorCli.run(new String[] {"data-key", "rotate"},
                () -> new SpringApplicationBuilder(RegistrationApplication.class).web(WebApplicationType.NONE)
                        .run("--registration.data-dir=" + dataDir, "--REGISTRATION_NEW_DATA_KEY=" + next,
                                "--registration.demo.enabled=false", "--axoniq.update-checker.disabled=true"));

        assertThat(exitCode).isZero();
        assertThat(Files.readString(keyFile, StandardCharsets.US_ASCII).strip()).isEqualTo(next);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertRefused(List.of("--registration.data-dir=" + dataDir, "--registration.data-key=" + madeUp),
                "REGISTRATION_DATA_KEY is not the master key the customers' data keys are stored under");
        try (var service = start(List.of("--registration.data-dir=" + dataDir, "--registration.data-key=" + next))) {
            assertThat(registeredEmail(service, sellerId)).isEqualTo(email);
        }
    }

    private static Http http(ConfigurableApplicationContext service) {
        return new Http(((WebServerApplicationContext) service).getWebServer().getPort());
    }

    /** The email of the seller's registration, as the event store reads it back: opened with its data key. */
    private static String registeredEmail(ConfigurableApplicationContext service, String sellerId) {
        return service.getBean(EventStorageEngine.class).readEvents(sellerId).asStream()
                .map(event -> event.getPayload())
                .filter(CustomerRegistered.class::isInstance)
                .map(registered -> ((CustomerRegistered) registered).email())
                .findFirst().orElseThrow();
    }
}
