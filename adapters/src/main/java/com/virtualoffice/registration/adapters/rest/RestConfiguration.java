package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.application.apikeys.ApiKeyLifecycleUseCase;
import com.virtualoffice.registration.application.apikeys.AuthenticateApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.IssuedKeys;
import com.virtualoffice.registration.application.apikeys.UnknownKeys;
import com.virtualoffice.registration.application.customers.DeleteCustomerUseCase;
import com.virtualoffice.registration.application.customers.EraseCustomerUseCase;
import com.virtualoffice.registration.application.customers.GetCustomerUseCase;
import com.virtualoffice.registration.application.customers.ListCustomersUseCase;
import com.virtualoffice.registration.application.customers.RegisterCustomerUseCase;
import com.virtualoffice.registration.application.customers.UpdateCustomerUseCase;
import com.virtualoffice.registration.application.events.CustomerHistoryUseCase;
import com.virtualoffice.registration.application.events.EventFeedUseCase;
import com.virtualoffice.registration.application.events.SellerActivityUseCase;
import com.virtualoffice.registration.application.privacy.ExportCustomerUseCase;
import com.virtualoffice.registration.application.projections.ReplayReadModelsUseCase;
import com.virtualoffice.registration.application.projections.VerifyReadModelsUseCase;
import com.virtualoffice.registration.application.sellers.ChangePlanUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.ListSellersUseCase;
import com.virtualoffice.registration.application.sellers.PlanChoices;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.webhooks.ListWebhookEndpointsUseCase;
import com.virtualoffice.registration.application.webhooks.RegisterWebhookEndpointUseCase;
import com.virtualoffice.registration.application.webhooks.RemoveWebhookEndpointUseCase;
import com.virtualoffice.registration.application.webhooks.RetryWebhookDeliveryUseCase;
import com.virtualoffice.registration.application.webhooks.WebhookDeliveriesUseCase;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** The HTTP edge: controllers, authentication, request ids and the contract's error bodies. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
public class RestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RestConfiguration.class);

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        var registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        // First of all filters, so that everything after it, errors included, carries the id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<NoStore> noStore() {
        var registration = new FilterRegistrationBean<>(new NoStore());
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Tomcat's error page for what it refuses itself, in the contract's shape instead of HTML. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonContainerErrors() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard() {
        var registration = new FilterRegistrationBean<>(new RequestGuard());
        // Right after the request id, so that even these rejections carry one.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FailedAuthentications failedAuthentications(HttpProperties properties) {
        // One count per client address for both APIs: guessing admin tokens and API keys adds up.
        var failed = properties.failedAuthentication();
        return new FailedAuthentications(failed.attempts(), failed.per());
    }

    @Bean
    AdminAuthentication adminAuthentication(AdminToken adminToken, FailedAuthentications failures) {
        return new AdminAuthentication(adminToken, failures);
    }

    @Bean
    FilterRegistrationBean<OperatorOnlyEndpoints> operatorOnlyEndpoints(AdminAuthentication admin) {
        var registration = new FilterRegistrationBean<>(new OperatorOnlyEndpoints(admin));
        registration.addUrlPatterns(OperatorOnlyEndpoints.PROMETHEUS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    WebMvcConfigurer authentication(AuthenticateApiKeyUseCase authenticate, AdminAuthentication admin,
                                    FailedAuthentications failures, HttpProperties properties,
                                    InstantSource clock) {
        var rateLimit = properties.rateLimit();
        var apiKeys = new ApiKeyAuthentication(authenticate,
                new RateLimits(rateLimit.requestsPerSecond(), rateLimit.burst(), rateLimit.idleExpiry(), clock),
                failures);
        return new WebMvcConfigurer() {
            /** Every answer is JSON, whatever the client accepts: no negotiation to fail on a strange Accept. */
            @Override
            public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
                configurer.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
            }

            /** Swagger UI's files, the only static content; every other path is a route or "Route ... not found". */
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler(ContractController.SWAGGER_UI_PATH + "**")
                        .addResourceLocations(ContractController.swaggerUiLocation());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(apiKeys).addPathPatterns("/api/**");
                registry.addInterceptor(admin).addPathPatterns("/admin/**");
            }
        };
    }

    @Bean
    UnknownKeys unknownKeys(HttpProperties properties) {
        return new UnknownKeyMemory(properties.failedAuthentication().unknownKeysRemembered());
    }

    @Bean
    IssuedKeys issuedKeys() {
        return new IssuedKeyMemory();
    }

    @Bean
    JsonRequestBody jsonRequestBody(ObjectMapper objectMapper, HttpProperties properties) {
        return new JsonRequestBody(objectMapper, properties.maxBodySize());
    }

    @Bean
    ContractController contractController() {
        return new ContractController();
    }

    @Bean
    ErrorResponses errorResponses() {
        return new ErrorResponses();
    }

    @Bean
    ContractErrorController contractErrorController() {
        return new ContractErrorController();
    }

    @Bean
    IdempotencyKeys idempotencyKeys(JdbcClient jdbc, InstantSource clock, HttpProperties properties) {
        var idempotency = properties.idempotency();
        return new IdempotencyKeys(jdbc, clock, idempotency.retention(), idempotency.abandonedAfter());
    }

    /**
     * Expired answers are only ever skipped by claims; this deletes them so the table stays small. It also gives
     * back the keys of requests that failed while the database was away.
     */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService idempotencyUpkeep(IdempotencyKeys keys, HttpProperties properties) {
        var executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("idempotency-upkeep").daemon().factory());
        long purge = properties.idempotency().purgeInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> purge(keys), purge, purge, TimeUnit.MILLISECONDS);
        long release = properties.idempotency().releaseRetryInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> releaseOwed(keys), release, release, TimeUnit.MILLISECONDS);
        return executor;
    }

    @Bean
    CustomerController customerController(RegisterCustomerUseCase registerCustomer, GetCustomerUseCase getCustomer,
                                          UpdateCustomerUseCase updateCustomer, DeleteCustomerUseCase deleteCustomer,
                                          EraseCustomerUseCase eraseCustomer, ListCustomersUseCase listCustomers,
                                          CustomerHistoryUseCase history, JsonRequestBody jsonBody,
                                          IdempotencyKeys idempotencyKeys, ObjectMapper objectMapper) {
        return new CustomerController(registerCustomer, getCustomer, updateCustomer, deleteCustomer, eraseCustomer,
                listCustomers, history, jsonBody, idempotencyKeys, objectMapper);
    }

    @Bean
    AdminCustomerController adminCustomerController(EraseCustomerUseCase eraseCustomer, GetSellerUseCase getSeller) {
        return new AdminCustomerController(eraseCustomer, getSeller);
    }

    @Bean
    CustomerExportController customerExportController(ExportCustomerUseCase exports) {
        return new CustomerExportController(exports);
    }

    @Bean
    WebhookController webhookController(RegisterWebhookEndpointUseCase register, ListWebhookEndpointsUseCase list,
                                        RemoveWebhookEndpointUseCase remove, WebhookDeliveriesUseCase deliveries,
                                        RetryWebhookDeliveryUseCase retry, JsonRequestBody jsonBody) {
        return new WebhookController(register, list, remove, deliveries, retry, jsonBody);
    }

    @Bean
    AdminProjectionsController adminProjectionsController(ReplayReadModelsUseCase replay,
                                                          VerifyReadModelsUseCase verify) {
        return new AdminProjectionsController(replay, verify);
    }

    @Bean
    EventFeedController eventFeedController(EventFeedUseCase feed, SellerActivityUseCase activity,
                                            GetSellerUseCase getSeller) {
        return new EventFeedController(feed, activity, getSeller);
    }

    @Bean
    AdminSellerController adminSellerController(RegisterSellerUseCase registerSeller, GetSellerUseCase getSeller,
                                                IssueApiKeyUseCase issueApiKey, ChangePlanUseCase changePlan,
                                                ApiKeyLifecycleUseCase apiKeys, ListSellersUseCase listSellers,
                                                PlanChoices plans, InstantSource clock, JsonRequestBody jsonBody) {
        return new AdminSellerController(registerSeller, getSeller, issueApiKey, changePlan, apiKeys, listSellers,
                plans, clock, jsonBody);
    }

    private static void releaseOwed(IdempotencyKeys keys) {
        try {
            keys.releaseOwed();
        } catch (RuntimeException stillAway) {
            // Still owed; the next run tries again.
            log.debug("releasing idempotency keys still fails: {}", stillAway.toString());
        }
    }

    private static void purge(IdempotencyKeys keys) {
        try {
            keys.purgeExpired();
        } catch (RuntimeException failure) {
            // The next run tries again; a failure here must not end the schedule.
            log.warn("purging expired idempotency keys failed: {}", failure.toString());
        }
    }
}
