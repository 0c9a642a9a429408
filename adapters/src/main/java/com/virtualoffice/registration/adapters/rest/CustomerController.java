package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.application.customers.GetCustomerUseCase;
import com.virtualoffice.registration.application.customers.RegisterCustomerUseCase;
import com.virtualoffice.registration.application.customers.RegistrationOutcome;
import com.virtualoffice.registration.application.customers.RegistrationOutcome.Refused;
import com.virtualoffice.registration.application.customers.RegistrationOutcome.Registered;
import com.virtualoffice.registration.domain.CustomerDetails;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The seller API for customers. Every call is already authenticated by {@link ApiKeyAuthentication}. */
@RestController
class CustomerController {

    private final RegisterCustomerUseCase registerCustomer;
    private final GetCustomerUseCase getCustomer;
    private final JsonRequestBody jsonBody;

    CustomerController(RegisterCustomerUseCase registerCustomer, GetCustomerUseCase getCustomer,
                       JsonRequestBody jsonBody) {
        this.registerCustomer = registerCustomer;
        this.getCustomer = getCustomer;
        this.jsonBody = jsonBody;
    }

    @PostMapping("/api/customers")
    ResponseEntity<CustomerJson> register(HttpServletRequest request) {
        CustomerDetails details = CustomerRequests.registration(jsonBody.read(request));
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        RegistrationOutcome outcome =
                registerCustomer.register(sellerId, details, ApiKeyAuthentication.provenance(request));
        return switch (outcome) {
            case Registered registered ->
                    ResponseEntity.status(HttpStatus.CREATED).body(CustomerJson.of(registered.customer()));
            case Refused refused -> throw Rejections.toProblem(refused.rejection());
        };
    }

    @GetMapping("/api/customers/{id}")
    CustomerJson get(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        return PathIds.parse(id)
                .flatMap(customerId -> getCustomer.get(sellerId, customerId))
                .map(CustomerJson::of)
                .orElseThrow(() -> ApiProblem.notFound("Customer not found"));
    }
}
