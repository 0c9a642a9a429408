package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.domain.PlanCatalog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** The PostgreSQL read models and the queries the use cases run against them. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersistenceConfiguration.class);

    @Bean
    ProjectionWrites projectionWrites(NamedParameterJdbcTemplate jdbc) {
        return new ProjectionWrites(jdbc);
    }

    @Bean
    CustomerTable customerTable(JdbcClient jdbc, ProjectionWrites writes, ObjectMapper objectMapper) {
        return new CustomerTable(jdbc, writes, new AddressJson(objectMapper));
    }

    @Bean
    SellerTable sellerTable(JdbcClient jdbc, ProjectionWrites writes, PlanCatalog plans) {
        return new SellerTable(jdbc, writes, plans);
    }

    @Bean
    CustomerEventTable customerEventTable(JdbcClient jdbc, ProjectionWrites writes, ObjectMapper objectMapper) {
        return new CustomerEventTable(jdbc, writes, objectMapper);
    }

    @Bean
    ApiKeyTable apiKeyTable(JdbcClient jdbc, ProjectionWrites writes) {
        return new ApiKeyTable(jdbc, writes);
    }

    @Bean(destroyMethod = "flush")
    ApiKeyUsageRecorder apiKeyUsage(JdbcClient jdbc) {
        return new ApiKeyUsageRecorder(jdbc);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService apiKeyUsageFlush(ApiKeyUsageRecorder usage,
                                              @Value("${registration.api-keys.last-used-flush-interval}")
                                              Duration interval) {
        var executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("api-key-usage-flush").daemon().factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                usage.flush();
            } catch (RuntimeException failure) {
                // The times stay pending for the next run; a failure must not end the schedule.
                log.warn("writing API key usage failed: {}", failure.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService readModelReplays() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("read-model-replay").daemon().factory());
    }

    /** The projections a rebuild replays: the read models, and none of the side effects (webhooks). */
    @Bean
    ReadModelRebuild readModelRebuild(TransactionTemplate transaction, DataSource dataSource, JdbcClient jdbc,
                                      ProjectionWrites writes,
                                      EventStorageEngine eventStore, CustomerTable customers, SellerTable sellers,
                                      ApiKeyTable apiKeys, CustomerEventTable customerEvents,
                                      @Value("${registration.read-models.replay-batch-size}") int batchSize,
                                      ExecutorService readModelReplays) {
        return new ReadModelRebuild(transaction, dataSource, jdbc, writes, eventStore,
                List.of(sellers, apiKeys, customers, customerEvents), batchSize, readModelReplays);
    }
}
