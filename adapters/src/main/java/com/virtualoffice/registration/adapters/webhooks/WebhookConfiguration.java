package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.adapters.persistence.RowWriter;
import com.virtualoffice.registration.application.events.CustomerEvents;
import com.virtualoffice.registration.application.webhooks.HostResolver;
import com.virtualoffice.registration.application.webhooks.WebhookDestinationPolicy;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** Webhooks: endpoints and deliveries in PostgreSQL, an outbox written with the events, and a sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookTables webhookTables(JdbcClient jdbc, TransactionTemplate transaction, InstantSource clock) {
        return new WebhookTables(jdbc, transaction, clock);
    }

    /** The system's resolver; tests name hosts with a primary bean of their own. */
    @Bean
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Bean
    WebhookDestinationPolicy webhookDestinationPolicy(HostResolver hostResolver, WebhookProperties properties) {
        return new WebhookDestinationPolicy(hostResolver, properties.allowLoopback());
    }

    @Bean
    WebhookOutbox webhookOutbox(RowWriter writes) {
        return new WebhookOutbox(writes);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookSenders() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-", 0).factory());
    }

    /** Aborts deliveries at their deadline. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService webhookDeadlines() {
        return Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-deadlines").daemon().factory());
    }

    @Bean
    WebhookSender webhookSender(WebhookDestinationPolicy destinations, WebhookProperties properties,
                                ScheduledExecutorService webhookDeadlines) {
        return new WebhookSender(destinations, properties.requestTimeout(), webhookDeadlines);
    }

    @Bean
    WebhookMeters webhookMeters(JdbcClient jdbc, InstantSource clock) {
        return new WebhookMeters(jdbc, clock);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(JdbcClient jdbc, CustomerEvents events, ObjectMapper objectMapper,
                                        WebhookSender webhookSender, ExecutorService webhookSenders,
                                        InstantSource clock, WebhookProperties properties,
                                        WebhookMeters webhookMeters) {
        return new WebhookDispatcher(jdbc, new DeliveryQueue(jdbc), events, objectMapper, webhookSender,
                webhookSenders, clock, properties, webhookMeters);
    }

    /** The service sends; an operator command on the command line does not. */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnWebApplication
    ScheduledExecutorService webhookPolling(WebhookDispatcher dispatcher, WebhookProperties properties) {
        var executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-poll").daemon().factory());
        // The database may be briefly out of reach; the next run tries again.
        every(executor, properties.pollInterval(), dispatcher::poll, "polling webhook deliveries");
        every(executor, properties.purgeInterval(), dispatcher::purgeDelivered,
                "purging delivered webhook deliveries");
        return executor;
    }

    /** Runs the task at this interval; a failure is logged and must not end the schedule. */
    private static void every(ScheduledExecutorService executor, Duration interval, Runnable task, String what) {
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException failure) {
                log.warn("{} failed: {}", what, failure.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }
}
