package com.virtualoffice.registration;

import com.virtualoffice.registration.adapters.axon.AxonConfiguration;
import com.virtualoffice.registration.adapters.cli.OperatorCli;
import com.virtualoffice.registration.adapters.console.ConsoleConfiguration;
import com.virtualoffice.registration.adapters.persistence.PersistenceConfiguration;
import com.virtualoffice.registration.adapters.privacy.PrivacyConfiguration;
import com.virtualoffice.registration.adapters.rest.RestConfiguration;
import com.virtualoffice.registration.adapters.webhooks.WebhookConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** The customer-registration service: every adapter is imported by name, nothing is found by scanning. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
        EmbeddedDatabaseConfiguration.class,
        PlanConfiguration.class,
        UseCaseConfiguration.class,
        AxonConfiguration.class,
        PersistenceConfiguration.class,
        RestConfiguration.class,
        ConsoleConfiguration.class,
        WebhookConfiguration.class,
        StartupConfiguration.class,
        PrivacyConfiguration.class,
        MasterKeyConfiguration.class})
public class RegistrationApplication {

    private static final String AXON_UPDATE_CHECK = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        // Axon reports usage to its vendor at start unless told not to; this service phones nobody.
        if (System.getProperty(AXON_UPDATE_CHECK) == null) {
            System.setProperty(AXON_UPDATE_CHECK, "true");
        }
        if (OperatorCli.handles(args)) {
            System.exit(OperatorCli.run(args, RegistrationApplication::operatorContext));
        }
        SpringApplication.run(RegistrationApplication.class, args);
    }

    /** The service without its web server and its demo seller, for the operator commands. */
    static ConfigurableApplicationContext operatorContext() {
        return new SpringApplicationBuilder(RegistrationApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                // As arguments, these outrank application.yml. Failures are reported in one line by the CLI, not
                // as Spring's start-up stack trace.
                .run("--registration.demo.enabled=false", "--logging.level.root=WARN",
                        "--logging.level.com.virtualoffice=WARN", "--logging.level.org.springframework.boot=OFF");
    }
}
