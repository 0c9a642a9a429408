package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.application.apikeys.AuthenticateApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.customers.GetCustomerUseCase;
import com.virtualoffice.registration.application.customers.RegisterCustomerUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.domain.PlanCatalog;
import java.time.InstantSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** The HTTP edge: controllers, authentication, request ids and the contract's error bodies. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpProperties.class)
public class RestConfiguration {

    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        var registration = new FilterRegistrationBean<>(new RequestIds());
        // First of all filters, so that everything after it, errors included, carries the id.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    WebMvcConfigurer authentication(AuthenticateApiKeyUseCase authenticate, AdminToken adminToken) {
        var apiKeys = new ApiKeyAuthentication(authenticate);
        var admin = new AdminAuthentication(adminToken);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(apiKeys).addPathPatterns("/api/**");
                registry.addInterceptor(admin).addPathPatterns("/admin/**");
            }
        };
    }

    @Bean
    JsonRequestBody jsonRequestBody(ObjectMapper objectMapper, HttpProperties properties) {
        return new JsonRequestBody(objectMapper, properties.maxBodySize());
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
    CustomerController customerController(RegisterCustomerUseCase registerCustomer, GetCustomerUseCase getCustomer,
                                          JsonRequestBody jsonBody) {
        return new CustomerController(registerCustomer, getCustomer, jsonBody);
    }

    @Bean
    AdminSellerController adminSellerController(RegisterSellerUseCase registerSeller, GetSellerUseCase getSeller,
                                                IssueApiKeyUseCase issueApiKey, PlanCatalog plans,
                                                @Value("${registration.plans.default-plan}") String defaultPlan,
                                                InstantSource clock, JsonRequestBody jsonBody) {
        return new AdminSellerController(registerSeller, getSeller, issueApiKey, plans, defaultPlan, clock, jsonBody);
    }
}
