package com.virtualoffice.registration.adapters.webhooks;

import com.virtualoffice.registration.adapters.persistence.ProjectionWrites;
import com.virtualoffice.registration.application.events.CustomerEvents;
import java.net.http.HttpClient;
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
import tools.jackson.databind.ObjectMapper;

/** Webhooks: endpoints and deliveries in PostgreSQL, an outbox written with the events, and a sender. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebhookConfiguration.class);

    @Bean
    WebhookTables webhookTables(JdbcClient jdbc, InstantSource clock) {
        return new WebhookTables(jdbc, clock);
    }

    @Bean
    WebhookOutbox webhookOutbox(ProjectionWrites writes) {
        return new WebhookOutbox(writes);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookSenders() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-", 0).factory());
    }

    @Bean
    WebhookMeters webhookMeters(JdbcClient jdbc, InstantSource clock) {
        return new WebhookMeters(jdbc, clock);
    }

    @Bean
    WebhookDispatcher webhookDispatcher(JdbcClient jdbc, CustomerEvents events, ObjectMapper objectMapper,
                                        ExecutorService webhookSenders, InstantSource clock,
                                        WebhookProperties properties, WebhookMeters webhookMeters) {
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(webhookSenders)
                .build();
        return new WebhookDispatcher(jdbc, events, objectMapper, http, webhookSenders, clock, properties,
                webhookMeters);
    }

    /** The service sends; an operator command on the command line does not. */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnWebApplication
    ScheduledExecutorService webhookPolling(WebhookDispatcher dispatcher, WebhookProperties properties) {
        var executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("webhook-poll").daemon().factory());
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                dispatcher.poll();
            } catch (RuntimeException failure) {
                // The database may be briefly out of reach; the next poll tries again.
                log.warn("polling webhook deliveries failed: {}", failure.toString());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        return executor;
    }
}
