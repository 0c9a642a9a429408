package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.adapters.persistence.RowWriter;
import com.virtualoffice.registration.adapters.privacy.DataKeys;
import com.virtualoffice.registration.adapters.privacy.SealingSerializer;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.customers.Customers;
import com.virtualoffice.registration.application.shared.Provenance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The event store and the seller's command side, declared explicitly. Axon's JDBC auto-configuration backs off
 * on Spring Boot 4 before the DataSource exists and then runs silently without an event store, so nothing here
 * is left to it: it is excluded (application.yml), and with it the token and saga stores nothing uses. The
 * tables are created by Flyway; see docs/event-store.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AxonProperties.class, CommandProperties.class})
public class AxonConfiguration {

    static final String SELLER_CACHE = "sellerCache";
    static final String SELLER_TARGET_RESOLVER = "sellerTargetResolver";

    /** Projections that must be current when a command's answer leaves: they run in the command's transaction. */
    public static final String READ_MODELS = "read-models";

    /** Axon finds aggregates among the beans; declared here because nothing is found by component scanning. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    SellerAggregate sellerAggregate() {
        return new SellerAggregate();
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    PersistenceExceptionResolver duplicateKeyResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisionResolver();
    }

    /** The snake_case names of the Flyway-created tables; Axon's defaults are camelCase. */
    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Appends with the read models' rows, in one round trip before the commit; the customers' personal fields
     * sealed, their keys loaded for each batch read.
     */
    @Bean
    EventRows eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer plainEvents,
                                 DataKeys dataKeys, PersistenceExceptionResolver duplicateKeyResolver,
                                 org.axonframework.config.Configuration configuration,
                                 ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                 EventSchema eventSchema, AxonProperties properties, RowWriter rows) {
        // Not a bean: Axon's auto-configuration wants exactly one unqualified Serializer bean.
        SealingSerializer eventSerializer = new SealingSerializer(plainEvents, dataKeys);
        return new EventRows(JdbcEventStorageEngine.builder()
                .schema(eventSchema)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(duplicateKeyResolver)
                .batchSize(properties.eventReadBatchSize())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager), eventSchema, rows, eventSerializer::beforeDecoding,
                eventSerializer::beforeStreaming);
    }

    /** Written on one thread: snapshots are background work and must not take the cores the requests need. */
    @Bean
    SellerSnapshots sellerSnapshots(AxonProperties properties, EventStore eventStore,
                                    TransactionManager transactionManager, ExecutorService snapshotWriter,
                                    MeterRegistry registry) {
        Counter stored = snapshotCounter(registry, "stored");
        Counter failed = snapshotCounter(registry, "failed");
        return new SellerSnapshots(properties.snapshotThreshold(), properties.snapshotEventsPerCustomer(),
                snapshot -> {
                    try {
                        transactionManager.executeInTransaction(() -> eventStore.storeSnapshot(snapshot));
                        stored.increment();
                    } catch (RuntimeException failure) {
                        failed.increment();
                        throw failure;
                    }
                },
                snapshotWriter);
    }

    private static Counter snapshotCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("registration.snapshots")
                .description("Seller snapshots written to the event store, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotWriter() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("seller-snapshots").daemon().factory());
    }

    /** Checked against the store when other instances may append to the same sellers. */
    @Bean(SELLER_CACHE)
    Cache sellerCache(AxonProperties properties, JdbcClient jdbc, EventSchema eventSchema, EventRows events,
                      MeterRegistry registry) {
        Cache cache = new CaffeineAggregateCache(properties.sellerCacheCustomers());
        return new MeteredCache(properties.verifyCachedSellers()
                ? new StoreVerifiedCache(cache, new EventStoreHead(jdbc, eventSchema), events::appendedTo) : cache,
                registry);
    }

    /** For the seller's handlers: the exact email of a customer whose hash a command's email meets. */
    @Bean
    EmailRecords emailRecords(Customers customers) {
        return new EmailRecords((sellerId, customerId) ->
                customers.find(sellerId, customerId).map(CustomerView::email));
    }

    @Bean(SELLER_TARGET_RESOLVER)
    CommandTargetResolver sellerTargetResolver() {
        return new SellerTargetResolver();
    }

    /** Copies who and which request from each command onto the events it causes: the audit trail. */
    @Bean
    CorrelationDataProvider provenanceOnEvents() {
        return new SimpleCorrelationDataProvider(Provenance.ACTOR_TYPE, Provenance.API_KEY_ID,
                Provenance.API_KEY_PREFIX, Provenance.REQUEST_ID, Provenance.CLIENT_REQUEST_ID);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("command-retry").daemon().factory());
    }

    /** Each command's request, seller and name on the log lines written while it is decided. */
    @Bean
    ConfigurerModule commandLogContext() {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(
                () -> configuration.commandBus().registerHandlerInterceptor(new CommandLogContext())));
    }

    @Bean
    CommandMeters commandMeters(MeterRegistry registry, CommandProperties properties) {
        return new CommandMeters(registry, properties.maxBatchSize());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  AxonProperties properties, CommandMeters commandMeters) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(commandRetryExecutor, properties.conflictRetries(),
                        properties.conflictBackoff(), commandMeters::conflicted))
                .build();
    }

    /** Sends each seller's queued commands; a virtual thread per batch, as each mostly waits for PostgreSQL. */
    @Bean(destroyMethod = "close")
    ExecutorService sellerLanes() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("seller-lane-", 0).factory());
    }

    /** The write side's port, as the use cases see it. */
    @Bean
    AxonSellerDecisions sellerDecisions(CommandGateway commandGateway, ExecutorService sellerLanes,
                                        CommandProperties properties, CommandMeters commandMeters) {
        return new AxonSellerDecisions(commandGateway, sellerLanes, properties.maxBatchSize(), commandMeters);
    }

    /**
     * A failing read-model write must fail the command with it, never leave a read model behind its events.
     * Axon's default for event handlers is to log and carry on.
     */
    @Bean
    ConfigurerModule readModelsFailWithTheCommand() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                READ_MODELS, c -> PropagatingErrorHandler.instance());
    }
}
