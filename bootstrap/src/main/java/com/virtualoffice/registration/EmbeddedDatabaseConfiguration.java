package com.virtualoffice.registration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no database configured ({@code SPRING_DATASOURCE_URL} unset), the service runs its own PostgreSQL: real
 * PostgreSQL binaries, data kept under {@code DATA_DIR}, so that one command runs the service and its data
 * survives restarts. With a URL, Spring Boot's own DataSource is used and none of this starts.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.Embedded.class)
class EmbeddedDatabaseConfiguration {

    /** No database configured: the service runs its own. */
    static final class Embedded implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isEmbedded(context.getEnvironment());
        }
    }

    static boolean isEmbedded(Environment environment) {
        return environment.getProperty("spring.datasource.url", "").isBlank();
    }

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * A server the previous run left behind (it was killed) is stopped first: see {@link StalePostmaster}. Who may
     * connect, and as whom: {@link EmbeddedDatabaseAccess}.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${registration.data-dir}") Path dataDir,
                                      @Value("${registration.orphaned-postgres-stop-timeout}") Duration stopTimeout)
            throws IOException {
        Path postgresData = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(postgresData);
        StalePostmaster.clear(postgresData, stopTimeout);
        EmbeddedDatabaseAccess access = EmbeddedDatabaseAccess.of(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(postgresData)
                .setCleanDataDirectory(false)
                // Spring stops it (destroyMethod) after everything that uses the database has stopped; zonky's own
                // JVM shutdown hook would stop it at the same time as Spring's graceful shutdown, under the last
                // requests and the final flush of API-key usage.
                .setRegisterShutdownHook(false)
                // zonky's defaults are made for throwaway test databases (no fsync, commits acknowledged before
                // they are on disk); this one keeps the service's data, so a crash must not lose or corrupt it.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // PostgreSQL's default, said here because it matters: no connection from another machine.
                .setServerConfig("listen_addresses", "localhost")
                // zonky's own connections (its readiness check) as the superuser, with its password.
                .setConnectConfig("password", access.superuserPassword())
                .start();
        try {
            access.secure(postgres, postgresData);
        } catch (RuntimeException failure) {
            postgres.close();
            throw failure;
        }
        log.info("embedded PostgreSQL on port {} with data in {}", postgres.getPort(), postgresData);
        return postgres;
    }

    /** Pool settings still come from {@code spring.datasource.hikari.*}. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, @Value("${registration.data-dir}") Path dataDir) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl(EmbeddedDatabaseAccess.ROLE, EmbeddedDatabaseAccess.DATABASE))
                .username(EmbeddedDatabaseAccess.ROLE)
                .password(EmbeddedDatabaseAccess.of(dataDir).rolePassword())
                .build();
    }
}
