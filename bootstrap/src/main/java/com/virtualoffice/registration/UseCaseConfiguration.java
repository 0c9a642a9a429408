package com.virtualoffice.registration;

import com.virtualoffice.registration.adapters.axon.CommandProperties;
import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory;
import com.virtualoffice.registration.application.apikeys.ApiKeyLifecycleUseCase;
import com.virtualoffice.registration.application.apikeys.ApiKeyUsage;
import com.virtualoffice.registration.application.apikeys.AuthenticateApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.UnknownKeys;
import com.virtualoffice.registration.application.customers.Customers;
import com.virtualoffice.registration.application.customers.DeleteCustomerUseCase;
import com.virtualoffice.registration.application.customers.GetCustomerUseCase;
import com.virtualoffice.registration.application.customers.ListCustomersUseCase;
import com.virtualoffice.registration.application.customers.RegisterCustomerUseCase;
import com.virtualoffice.registration.application.customers.UpdateCustomerUseCase;
import com.virtualoffice.registration.application.events.CustomerEvents;
import com.virtualoffice.registration.application.events.CustomerHistoryUseCase;
import com.virtualoffice.registration.application.events.EventFeedUseCase;
import com.virtualoffice.registration.application.events.SellerActivityUseCase;
import com.virtualoffice.registration.application.projections.Projections;
import com.virtualoffice.registration.application.projections.ReadModels;
import com.virtualoffice.registration.application.projections.ReplayReadModelsUseCase;
import com.virtualoffice.registration.application.projections.VerifyReadModelsUseCase;
import com.virtualoffice.registration.application.sellers.ChangePlanUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.ListSellersUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.sellers.Sellers;
import com.virtualoffice.registration.application.shared.CommandMetrics;
import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.SellerCommandSender;
import com.virtualoffice.registration.application.webhooks.ListWebhookEndpointsUseCase;
import com.virtualoffice.registration.application.webhooks.RegisterWebhookEndpointUseCase;
import com.virtualoffice.registration.application.webhooks.RemoveWebhookEndpointUseCase;
import com.virtualoffice.registration.application.webhooks.RetryWebhookDeliveryUseCase;
import com.virtualoffice.registration.application.webhooks.WebhookDeliveriesUseCase;
import com.virtualoffice.registration.application.webhooks.WebhookDestinationPolicy;
import com.virtualoffice.registration.application.webhooks.WebhookEndpoints;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One bean per use case, and the few things they need from the world: time, ids, randomness. */
@Configuration(proxyBeanMethods = false)
class UseCaseConfiguration {

    /** Milliseconds are what the contract shows; keeping no more makes stored and shown times agree exactly. */
    @Bean
    InstantSource clock() {
        return () -> Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Bean
    IdSource idSource() {
        return UUID::randomUUID;
    }

    /** Sends each seller's queued commands; a virtual thread per batch, as each mostly waits for PostgreSQL. */
    @Bean(destroyMethod = "close")
    ExecutorService sellerLanes() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("seller-lane-", 0).factory());
    }

    @Bean
    SellerCommandSender sellerCommandSender(CommandGateway commandGateway, ExecutorService sellerLanes,
                                            CommandProperties properties, CommandMetrics commandMetrics) {
        return new SellerCommandSender(commandGateway, sellerLanes, properties.maxBatchSize(), commandMetrics);
    }

    @Bean
    RegisterCustomerUseCase registerCustomerUseCase(SellerCommandSender sender, IdSource ids, InstantSource clock) {
        return new RegisterCustomerUseCase(sender, ids, clock);
    }

    @Bean
    GetCustomerUseCase getCustomerUseCase(Customers customers) {
        return new GetCustomerUseCase(customers);
    }

    @Bean
    UpdateCustomerUseCase updateCustomerUseCase(SellerCommandSender sender, Customers customers, InstantSource clock) {
        return new UpdateCustomerUseCase(sender, customers, clock);
    }

    @Bean
    DeleteCustomerUseCase deleteCustomerUseCase(SellerCommandSender sender, InstantSource clock) {
        return new DeleteCustomerUseCase(sender, clock);
    }

    @Bean
    ListCustomersUseCase listCustomersUseCase(Customers customers) {
        return new ListCustomersUseCase(customers);
    }

    @Bean
    CustomerHistoryUseCase customerHistoryUseCase(CustomerEvents events) {
        return new CustomerHistoryUseCase(events);
    }

    @Bean
    EventFeedUseCase eventFeedUseCase(CustomerEvents events) {
        return new EventFeedUseCase(events);
    }

    @Bean
    SellerActivityUseCase sellerActivityUseCase(CustomerEvents events) {
        return new SellerActivityUseCase(events);
    }

    @Bean
    RegisterWebhookEndpointUseCase registerWebhookEndpointUseCase(WebhookEndpoints endpoints,
                                                                  WebhookDestinationPolicy destinations,
                                                                  IdSource ids, InstantSource clock) {
        return new RegisterWebhookEndpointUseCase(endpoints, destinations, ids, clock, new SecureRandom());
    }

    @Bean
    ListWebhookEndpointsUseCase listWebhookEndpointsUseCase(WebhookEndpoints endpoints) {
        return new ListWebhookEndpointsUseCase(endpoints);
    }

    @Bean
    RemoveWebhookEndpointUseCase removeWebhookEndpointUseCase(WebhookEndpoints endpoints) {
        return new RemoveWebhookEndpointUseCase(endpoints);
    }

    @Bean
    WebhookDeliveriesUseCase webhookDeliveriesUseCase(WebhookEndpoints endpoints,
                                                      @Value("${registration.webhooks.page-size}") int pageSize) {
        return new WebhookDeliveriesUseCase(endpoints, pageSize);
    }

    @Bean
    RetryWebhookDeliveryUseCase retryWebhookDeliveryUseCase(WebhookEndpoints endpoints) {
        return new RetryWebhookDeliveryUseCase(endpoints);
    }

    /** In the order the persistence configuration gives them: every read model first. */
    @Bean
    Projections projections(List<ReadModels> readModels) {
        return new Projections(readModels);
    }

    @Bean
    ReplayReadModelsUseCase replayReadModelsUseCase(Projections projections) {
        return new ReplayReadModelsUseCase(projections);
    }

    @Bean
    VerifyReadModelsUseCase verifyReadModelsUseCase(Projections projections) {
        return new VerifyReadModelsUseCase(projections);
    }

    @Bean
    RegisterSellerUseCase registerSellerUseCase(SellerCommandSender sender, Sellers sellers, IdSource ids,
                                                InstantSource clock) {
        return new RegisterSellerUseCase(sender, sellers, ids, clock);
    }

    @Bean
    GetSellerUseCase getSellerUseCase(Sellers sellers) {
        return new GetSellerUseCase(sellers);
    }

    @Bean
    ListSellersUseCase listSellersUseCase(Sellers sellers) {
        return new ListSellersUseCase(sellers);
    }

    @Bean
    IssueApiKeyUseCase issueApiKeyUseCase(SellerCommandSender sender, Sellers sellers, IdSource ids,
                                          InstantSource clock) {
        return new IssueApiKeyUseCase(sender, sellers, ids, clock, new SecureRandom());
    }

    @Bean
    AuthenticateApiKeyUseCase authenticateApiKeyUseCase(ApiKeyDirectory directory, UnknownKeys unknownKeys,
                                                        ApiKeyUsage usage, InstantSource clock) {
        return new AuthenticateApiKeyUseCase(directory, unknownKeys, usage, clock);
    }

    @Bean
    ApiKeyLifecycleUseCase apiKeyLifecycleUseCase(SellerCommandSender sender, ApiKeyDirectory directory,
                                                  InstantSource clock) {
        return new ApiKeyLifecycleUseCase(sender, directory, clock);
    }

    @Bean
    ChangePlanUseCase changePlanUseCase(SellerCommandSender sender, Sellers sellers, InstantSource clock) {
        return new ChangePlanUseCase(sender, sellers, clock);
    }
}
