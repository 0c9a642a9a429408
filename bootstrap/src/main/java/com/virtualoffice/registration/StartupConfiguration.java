package com.virtualoffice.registration;

import com.virtualoffice.registration.adapters.rest.AdminToken;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.sellers.Sellers;
import com.virtualoffice.registration.application.shared.Provenance;
import java.io.PrintStream;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.context.WebApplicationContext;

/**
 * What a first start needs so that the README's first curl works: an admin token (made up when none is
 * configured, on the embedded database only: {@link OperatorTokenPolicy}) and, in an empty embedded database, a
 * demo seller with a key. Secrets go to the console once, never to a log line; against a configured database
 * there are none to print: it is a real deployment, whose console ends up in shipped logs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StartupConfiguration.DemoProperties.class)
class StartupConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StartupConfiguration.class);

    private static final String ADMIN_TOKEN_PROPERTY = "registration.admin-token";

    /**
     * @param enabled whether a first start in an empty database creates the demo seller
     * @param sellerName the demo seller's name
     * @param plan the demo seller's plan
     */
    @ConfigurationProperties("registration.demo")
    record DemoProperties(boolean enabled, String sellerName, String plan) {
    }

    /**
     * The operator token's rules, checked before any other bean is made: a refusal comes first, not after a
     * failure to reach the configured database.
     */
    @Bean
    static BeanFactoryPostProcessor operatorTokenCheck() {
        return new OperatorTokenCheck();
    }

    private static final class OperatorTokenCheck implements BeanFactoryPostProcessor, ApplicationContextAware {

        private ApplicationContext context;

        @Override
        public void setApplicationContext(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            Environment environment = context.getEnvironment();
            OperatorTokenPolicy.check(environment.getProperty(ADMIN_TOKEN_PROPERTY, ""),
                    EmbeddedDatabaseConfiguration.isEmbedded(environment), context instanceof WebApplicationContext);
        }
    }

    @Bean
    AdminToken adminToken(@Value("${" + ADMIN_TOKEN_PROPERTY + ":}") String configured, Environment environment,
                          ApplicationContext context) {
        return OperatorTokenPolicy.choose(configured, EmbeddedDatabaseConfiguration.isEmbedded(environment),
                context instanceof WebApplicationContext, new SecureRandom());
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
            // A log line, not a print: with structured logs every line on the console is a JSON object.
            log.info("Operator console: http://localhost:{}/console (sign in with the operator token)", port);
        };
    }

    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnProperty(name = "registration.demo.enabled", havingValue = "true")
    @Conditional(EmbeddedDatabaseConfiguration.Embedded.class)
    ApplicationRunner demoSeller(DemoProperties demo, Sellers sellers, RegisterSellerUseCase registerSeller,
                                 IssueApiKeyUseCase issueApiKey, Environment environment) {
        return args -> {
            if (!sellers.isEmpty()) {
                return;
            }
            var provenance = Provenance.system();
            var seller = registerSeller.register(demo.sellerName(), demo.plan(), provenance)
                    .orElseThrow(reason -> new IllegalStateException("demo seller refused: " + reason));
            var key = issueApiKey.issue(seller.id(), "demo", null, provenance)
                    .orElseThrow(reason -> new IllegalStateException("demo key refused: " + reason));
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
