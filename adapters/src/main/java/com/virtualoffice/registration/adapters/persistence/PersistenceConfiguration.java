package com.virtualoffice.registration.adapters.persistence;

import com.virtualoffice.registration.domain.PlanCatalog;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/** The PostgreSQL read models and the queries the use cases run against them. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    CustomerTable customerTable(JdbcClient jdbc, ObjectMapper objectMapper) {
        return new CustomerTable(jdbc, new AddressJson(objectMapper));
    }

    @Bean
    SellerTable sellerTable(JdbcClient jdbc, PlanCatalog plans) {
        return new SellerTable(jdbc, plans);
    }

    @Bean
    ApiKeyTable apiKeyTable(JdbcClient jdbc) {
        return new ApiKeyTable(jdbc);
    }

    @Bean
    ReadModelRebuild readModelRebuild(TransactionTemplate transaction, JdbcClient jdbc,
                                      EventStorageEngine eventStore, CustomerTable customers, SellerTable sellers,
                                      ApiKeyTable apiKeys) {
        return new ReadModelRebuild(transaction, jdbc, eventStore, List.of(sellers, apiKeys, customers));
    }
}
