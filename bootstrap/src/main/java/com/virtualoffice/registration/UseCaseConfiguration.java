package com.virtualoffice.registration;

import com.virtualoffice.registration.application.apikeys.ApiKeyDirectory;
import com.virtualoffice.registration.application.apikeys.ApiKeyLifecycleUseCase;
import com.virtualoffice.registration.application.apikeys.ApiKeyUsage;
import com.virtualoffice.registration.application.apikeys.AuthenticateApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.IssuedKeys;
import com.virtualoffice.registration.application.apikeys.UnknownKeys;
import com.virtualoffice.registration.application.customers.Customers;
import com.virtualoffice.registration.application.customers.DeleteCustomerUseCase;
import com.virtualoffice.registration.application.customers.EraseCustomerUseCase;
import com.virtualoffice.registration.application.customers.GetCustomerUseCase;
import com.virtualoffice.registration.application.customers.ListCustomersUseCase;
import com.virtualoffice.registration.application.customers.RegisterCustomerUseCase;
import com.virtualoffice.registration.application.customers.UpdateCustomerUseCase;
import com.virtualoffice.registration.application.events.CustomerEvents;
import com.virtualoffice.registration.application.events.CustomerHistoryUseCase;
import com.virtualoffice.registration.application.events.EventFeedUseCase;
import com.virtualoffice.registration.application.events.SellerActivityUseCase;
import com.virtualoffice.registration.application.privacy.ExportCustomerUseCase;
import com.virtualoffice.registration.application.projections.Projections;
import com.virtualoffice.registration.application.projections.ReadModels;
import com.virtualoffice.registration.application.projections.ReplayReadModelsUseCase;
import com.virtualoffice.registration.application.projections.VerifyReadModelsUseCase;
import com.virtualoffice.registration.application.sellers.ChangePlanUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.ListSellersUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.sellers.Sellers;
import com.virtualoffice.registration.application.shared.IdSource;
import com.virtualoffice.registration.application.shared.SellerDecisions;
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

    @Bean
    RegisterCustomerUseCase registerCustomerUseCase(SellerDecisions decisions, IdSource ids, InstantSource clock) {
        return new RegisterCustomerUseCase(decisions, ids, clock);
    }

    @Bean
    GetCustomerUseCase getCustomerUseCase(Customers customers) {
        return new GetCustomerUseCase(customers);
    }

    @Bean
    UpdateCustomerUseCase updateCustomerUseCase(SellerDecisions decisions, Customers customers, InstantSource clock) {
        return new UpdateCustomerUseCase(decisions, customers, clock);
    }

    @Bean
    DeleteCustomerUseCase deleteCustomerUseCase(SellerDecisions decisions, InstantSource clock) {
        return new DeleteCustomerUseCase(decisions, clock);
    }

    @Bean
    EraseCustomerUseCase eraseCustomerUseCase(SellerDecisions decisions, CustomerEvents events, InstantSource clock) {
        return new EraseCustomerUseCase(decisions, events, clock);
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
    ExportCustomerUseCase exportCustomerUseCase(CustomerHistoryUseCase history, WebhookEndpoints webhooks,
                                                InstantSource clock) {
        return new ExportCustomerUseCase(history, webhooks, clock);
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
    RegisterSellerUseCase registerSellerUseCase(SellerDecisions decisions, Sellers sellers, IdSource ids,
                                                InstantSource clock) {
        return new RegisterSellerUseCase(decisions, sellers, ids, clock);
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
    IssueApiKeyUseCase issueApiKeyUseCase(SellerDecisions decisions, Sellers sellers, IdSource ids,
                                          InstantSource clock) {
        return new IssueApiKeyUseCase(decisions, sellers, ids, clock, new SecureRandom());
    }

    @Bean
    AuthenticateApiKeyUseCase authenticateApiKeyUseCase(ApiKeyDirectory directory, UnknownKeys unknownKeys,
                                                        IssuedKeys issuedKeys, ApiKeyUsage usage,
                                                        InstantSource clock) {
        return new AuthenticateApiKeyUseCase(directory, unknownKeys, issuedKeys, usage, clock);
    }

    @Bean
    ApiKeyLifecycleUseCase apiKeyLifecycleUseCase(SellerDecisions decisions, ApiKeyDirectory directory,
                                                  InstantSource clock) {
        return new ApiKeyLifecycleUseCase(decisions, directory, clock);
    }

    @Bean
    ChangePlanUseCase changePlanUseCase(SellerDecisions decisions, Sellers sellers, InstantSource clock) {
        return new ChangePlanUseCase(decisions, sellers, clock);
    }
}
