package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.application.projections.Projections;
import com.virtualoffice.registration.domain.PlanCatalog;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** The PostgreSQL read models and the queries the use cases run against them. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReadModelProperties.class, ReadModelProperties.ApiKeyUsage.class})
public class PersistenceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersistenceConfiguration.class);

    @Bean
    RowWriter rowWriter(JdbcTemplate jdbc) {
        return new RowWriter(jdbc);
    }

    @Bean
    CustomerTable customerTable(JdbcClient jdbc, RowWriter writes, ObjectMapper objectMapper) {
        return new CustomerTable(jdbc, writes, new CustomerColumns(new AddressJson(objectMapper)));
    }

    @Bean
    SellerTable sellerTable(JdbcClient jdbc, RowWriter writes, PlanCatalog plans, InstantSource clock) {
        return new SellerTable(jdbc, writes, plans, clock);
    }

    @Bean
    CustomerEventTable customerEventTable(JdbcClient jdbc, RowWriter writes, ObjectMapper objectMapper) {
        return new CustomerEventTable(jdbc, writes, objectMapper);
    }

    /** Not a read model: the erasure of customers whose events are stored in plaintext (docs/event-store.md). */
    @Bean
    PlaintextEventRewrite plaintextEventRewrite(JdbcClient jdbc, RowWriter writes, InstantSource clock) {
        return new PlaintextEventRewrite(jdbc, writes, clock);
    }

    @Bean
    ErasedRecords erasedRecords(JdbcClient jdbc, RowWriter writes, ObjectMapper objectMapper) {
        return new ErasedRecords(jdbc, writes, objectMapper);
    }

    @Bean
    ApiKeyTable apiKeyTable(JdbcClient jdbc, RowWriter writes) {
        return new ApiKeyTable(jdbc, writes);
    }

    @Bean(destroyMethod = "flush")
    ApiKeyUsageRecorder apiKeyUsage(JdbcClient jdbc) {
        return new ApiKeyUsageRecorder(jdbc);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService apiKeyUsageFlush(ApiKeyUsageRecorder usage, ReadModelProperties.ApiKeyUsage properties) {
        Duration interval = properties.lastUsedFlushInterval();
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

    /** Shared by every projection's rebuild: one replay at a time. */
    @Bean
    ReplaySlot replaySlot(DataSource dataSource) {
        return new ReplaySlot(dataSource);
    }

    /**
     * Every read model, rebuilt together: what an audit replays. Only the read models: none of the side effects
     * (webhooks).
     */
    @Bean
    @Order(1)
    ReadModelRebuild allReadModels(ReadModelRebuilds rebuilds, CustomerTable customers, SellerTable sellers,
                                   ApiKeyTable apiKeys, CustomerEventTable customerEvents) {
        return rebuilds.of(Projections.ALL_READ_MODELS,
                List.of("sellers", "api_keys", "customers", "customer_events"),
                List.of(sellers, apiKeys, customers, customerEvents));
    }

    /** The customer table alone, which the customer API reads. */
    @Bean
    @Order(2)
    ReadModelRebuild customerProjection(ReadModelRebuilds rebuilds, CustomerTable customers) {
        return rebuilds.of("customers", List.of("customers"), List.of(customers));
    }

    /** The customers' event histories alone, which the history and event-feed API read. */
    @Bean
    @Order(3)
    ReadModelRebuild customerEventProjection(ReadModelRebuilds rebuilds, CustomerEventTable customerEvents) {
        return rebuilds.of("customer-events", List.of("customer_events"), List.of(customerEvents));
    }

    @Bean
    ProjectionMeters projectionMeters(List<ReadModelRebuild> projections) {
        return new ProjectionMeters(projections);
    }

    /** What every projection's rebuild shares. */
    record ReadModelRebuilds(TransactionTemplate transaction, JdbcClient jdbc,
                             RowWriter writes, EventStorageEngine eventStore, EventDecoder decoder,
                             int batchSize, ExecutorService background, ReplaySlot slot) {

        ReadModelRebuild of(String name, List<String> tables, List<Object> projections) {
            return new ReadModelRebuild(name, tables, projections, transaction, jdbc, writes, eventStore,
                    decoder, batchSize, background, slot);
        }
    }

    @Bean
    ReadModelRebuilds readModelRebuilds(TransactionTemplate transaction, JdbcClient jdbc,
                                        RowWriter writes, EventStorageEngine eventStore, EventDecoder decoder,
                                        ReadModelProperties properties, ExecutorService readModelReplays,
                                        ReplaySlot replaySlot) {
        return new ReadModelRebuilds(transaction, jdbc, writes, eventStore, decoder, properties.replayBatchSize(),
                readModelReplays, replaySlot);
    }
}
