package com.virtualoffice.registration.adapters.privacy;

import com.virtualoffice.registration.adapters.persistence.RowWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Personal data sealed under per-customer keys; the {@link MasterKey} bean comes from the start-up rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataKeyProperties.class)
public class PrivacyConfiguration {

    @Bean
    DataKeys dataKeys(JdbcClient jdbc, RowWriter rows, PlatformTransactionManager transactionManager,
                      MasterKey masterKey, DataKeyProperties properties, MeterRegistry registry) {
        return new DataKeys(jdbc, rows, new TransactionTemplate(transactionManager), masterKey,
                properties.cachedKeys(), properties.cacheLifetime(), Counter.builder("registration.data_keys.loads")
                        .description("Queries for customers' data keys the cache did not hold")
                        .register(registry));
    }

    @Bean
    DataKeyShredder dataKeyShredder(DataKeys keys) {
        return new DataKeyShredder(keys);
    }
}
