package com.virtualoffice.registration;

import com.virtualoffice.registration.adapters.rest.AdminToken;
import com.virtualoffice.registration.application.apikeys.ApiKeySecret;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.sellers.Sellers;
import com.virtualoffice.registration.application.shared.Provenance;
import java.io.PrintStream;
import java.security.SecureRandom;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What a first start needs so that the README's first curl works: an admin token (made up when none is
 * configured) and, in an empty database, a demo seller with a key. Secrets go to the console once, never to a
 * log line.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StartupConfiguration.DemoProperties.class)
class StartupConfiguration {

    /**
     * @param enabled whether a first start in an empty database creates the demo seller
     * @param sellerName the demo seller's name
     * @param plan the demo seller's plan
     */
    @ConfigurationProperties("registration.demo")
    record DemoProperties(boolean enabled, String sellerName, String plan) {
    }

    @Bean
    AdminToken adminToken(@Value("${registration.admin-token:}") String configured) {
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured, false);
        }
        return new AdminToken("adm_" + ApiKeySecret.generate(new SecureRandom()).value().substring(
                ApiKeySecret.LIVE_PREFIX.length()), true);
    }

    @Bean
    @ConditionalOnWebApplication
    ApplicationRunner announceGeneratedAdminToken(AdminToken adminToken, Environment environment) {
        return args -> {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port"));
            if (adminToken.generated()) {
                console().printf("%nNo ADMIN_TOKEN configured; this run's operator token is:%n  %s%n",
                        adminToken.value());
            }
            console().printf("%nOperator console: http://localhost:%s/console (sign in with the operator token)%n%n",
                    port);
        };
    }

    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "registration.demo.enabled", havingValue = "true")
    ApplicationRunner demoSeller(DemoProperties demo, Sellers sellers, RegisterSellerUseCase registerSeller,
                                 IssueApiKeyUseCase issueApiKey, Environment environment) {
        return args -> {
            if (!sellers.isEmpty()) {
                return;
            }
            var provenance = Provenance.system();
            var seller = switch (registerSeller.register(demo.sellerName(), demo.plan(), provenance)) {
                case RegisterSellerUseCase.Outcome.Registered registered -> registered.seller();
                case RegisterSellerUseCase.Outcome.Refused refused ->
                        throw new IllegalStateException("demo seller refused: " + refused.rejection());
            };
            var key = issueApiKey.issue(seller.id(), "demo", null, provenance).orElseThrow();
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port"));
            console().printf("""

                    Demo seller '%s' (%s) created on plan '%s'. Its API key, shown this once:
                      %s

                    Try it:
                      curl -s -X POST http://localhost:%s/api/customers \\
                        -H 'X-API-Key: %s' -H 'Content-Type: application/json' \\
                        -d '{"first_name":"Ada","last_name":"Lovelace","email":"ada@example.com"}'

                    """, seller.name(), seller.id(), seller.plan(), key.secret().value(), port,
                    key.secret().value());
        };
    }

    private static PrintStream console() {
        return System.out;
    }
}
