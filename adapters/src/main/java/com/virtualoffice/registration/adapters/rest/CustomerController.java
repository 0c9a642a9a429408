package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.json.CustomerJson;
import com.virtualoffice.registration.adapters.json.EventJson;
import com.virtualoffice.registration.adapters.rest.IdempotencyKeys.Claim;
import com.virtualoffice.registration.application.customers.CustomerView;
import com.virtualoffice.registration.application.customers.DeleteCustomerUseCase;
import com.virtualoffice.registration.application.customers.EraseCustomerUseCase;
import com.virtualoffice.registration.application.customers.GetCustomerUseCase;
import com.virtualoffice.registration.application.customers.ListCustomersUseCase;
import com.virtualoffice.registration.application.customers.RegisterCustomerUseCase;
import com.virtualoffice.registration.application.customers.UpdateCustomerUseCase;
import com.virtualoffice.registration.application.events.CustomerHistoryUseCase;
import com.virtualoffice.registration.application.events.CustomerHistoryUseCase.HistoryPage;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.domain.CustomerChanges;
import com.virtualoffice.registration.domain.CustomerDetails;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.Rejection.PresentedKeyNotHeld;
import com.virtualoffice.registration.domain.Rejection.PresentedKeyRevoked;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/** The seller API for customers. Every call is already authenticated by {@link ApiKeyAuthentication}. */
@RestController
class CustomerController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final int IDEMPOTENCY_KEY_MAX = 255;

    private final RegisterCustomerUseCase registerCustomer;
    private final GetCustomerUseCase getCustomer;
    private final UpdateCustomerUseCase updateCustomer;
    private final DeleteCustomerUseCase deleteCustomer;
    private final EraseCustomerUseCase eraseCustomer;
    private final ListCustomersUseCase listCustomers;
    private final CustomerHistoryUseCase history;
    private final JsonRequestBody jsonBody;
    private final IdempotencyKeys idempotencyKeys;
    private final ObjectMapper json;

    CustomerController(RegisterCustomerUseCase registerCustomer, GetCustomerUseCase getCustomer,
                       UpdateCustomerUseCase updateCustomer, DeleteCustomerUseCase deleteCustomer,
                       EraseCustomerUseCase eraseCustomer, ListCustomersUseCase listCustomers, CustomerHistoryUseCase history, JsonRequestBody jsonBody,
                       IdempotencyKeys idempotencyKeys, ObjectMapper json) {
        this.registerCustomer = registerCustomer;
        this.getCustomer = getCustomer;
        this.updateCustomer = updateCustomer;
        this.deleteCustomer = deleteCustomer;
        this.eraseCustomer = eraseCustomer;
        this.listCustomers = listCustomers;
        this.history = history;
        this.jsonBody = jsonBody;
        this.idempotencyKeys = idempotencyKeys;
        this.json = json;
    }

    /**
     * With an {@code Idempotency-Key}, a retry of a request that was answered gets the same answer, byte for
     * byte, and creates nothing. Bodies that fail validation never claim the key: nothing was executed.
     */
    @PostMapping("/api/customers")
    @KeyCheckedBySeller
    ResponseEntity<String> register(HttpServletRequest request) {
        Optional<String> idempotencyKey = idempotencyKey(request);
        JsonRequestBody.Parsed body = jsonBody.readParsed(request);
        CustomerDetails details = CustomerRequests.registration(body.json());
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        if (idempotencyKey.isEmpty()) {
            return answer(register(request, sellerId, details));
        }
        String key = idempotencyKey.get();
        return switch (idempotencyKeys.claim(sellerId, key, sha256(body.bytes()))) {
            case Claim.Replay replay -> {
                // A replay is answered without the seller: its key is looked up as for any other request.
                ApiKeyAuthentication.refusalOfUnconfirmed(request).ifPresent(refusal -> {
                    throw refusal;
                });
                yield ResponseEntity.status(replay.status())
                        .header(IDEMPOTENT_REPLAYED, "true")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(replay.body());
            }
            case Claim.Mismatch mismatch -> throw new ApiProblem(HttpStatus.valueOf(422),
                    "Idempotency-Key reused with a different request body");
            case Claim.InProgress inProgress -> throw new ApiProblem(HttpStatus.CONFLICT,
                    "A request with this Idempotency-Key is still being processed");
            case Claim.Claimed claimed -> {
                try {
                    Answer answer = register(request, sellerId, details);
                    idempotencyKeys.complete(sellerId, key, answer.status().value(), answer.body());
                    yield answer(answer);
                } catch (RuntimeException failure) {
                    idempotencyKeys.release(sellerId, key, claimed);
                    throw failure;
                }
            }
        };
    }

    /** The customer now, or with {@code as_of} as it was at that instant, computed from its events. */
    @GetMapping("/api/customers/{id}")
    CustomerJson get(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        Optional<Instant> asOf = QueryParameters.dateTime(request, "as_of");
        return PathIds.parse(id)
                .flatMap(customerId -> asOf.isPresent()
                        ? history.asOf(sellerId, customerId, asOf.get())
                        : getCustomer.get(sellerId, customerId))
                .map(CustomerJson::of)
                .orElseThrow(CustomerController::notFound);
    }

    /** A page of the customer's events, oldest first, also after it was deleted. */
    @GetMapping("/api/customers/{id}/history")
    EventJson.HistoryPage history(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        int limit = QueryParameters.limit(request);
        Optional<UUID> cursor = QueryParameters.eventCursor(request, QueryParameters.UNKNOWN_HISTORY_EVENT);
        UUID customerId = PathIds.parse(id).orElseThrow(CustomerController::notFound);
        return switch (history.history(sellerId, customerId, cursor, limit)) {
            case HistoryPage.Page page -> new EventJson.HistoryPage(
                    page.entries().stream().map(EventJson.HistoryItem::of).toList(), page.hasMore());
            case HistoryPage.NoSuchCustomer none -> throw notFound();
            case HistoryPage.NoSuchEvent none -> throw ApiProblem.badRequest(QueryParameters.UNKNOWN_HISTORY_EVENT);
        };
    }

    @PatchMapping("/api/customers/{id}")
    @KeyCheckedBySeller
    CustomerJson update(@PathVariable String id, HttpServletRequest request) {
        UUID customerId = PathIds.parse(id).orElseThrow(CustomerController::notFound);
        CustomerChanges changes = CustomerRequests.changes(jsonBody.read(request));
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        return CustomerJson.of(Rejections.valueOf(
                updateCustomer.update(sellerId, customerId, changes, ApiKeyAuthentication.provenance(request))));
    }

    @DeleteMapping("/api/customers/{id}")
    @KeyCheckedBySeller
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        UUID customerId = PathIds.parse(id).orElseThrow(CustomerController::notFound);
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        Rejections.valueOf(deleteCustomer.delete(sellerId, customerId, ApiKeyAuthentication.provenance(request)));
        return ResponseEntity.noContent().build();
    }

    /** Erases the customer's personal data, also once deleted; erasing it again changes nothing. */
    @PostMapping("/api/customers/{id}/erase")
    ResponseEntity<Void> erase(@PathVariable String id, HttpServletRequest request) {
        UUID customerId = PathIds.parse(id).orElseThrow(CustomerController::notFound);
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        Rejections.valueOf(eraseCustomer.erase(sellerId, customerId, ApiKeyAuthentication.provenance(request)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/customers")
    CustomerListJson list(HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        return listCustomers.list(sellerId, QueryParameters.customerQuery(request))
                .map(CustomerListJson::of)
                .orElseThrow(() -> ApiProblem.badRequest(
                        "querystring/starting_after must be the id of one of your customers"));
    }

    private record Answer(HttpStatus status, String body) {
    }

    /** Rendered here rather than by Spring, so that a replay can repeat exactly these bytes. */
    private Answer register(HttpServletRequest request, UUID sellerId, CustomerDetails details) {
        return switch (registerCustomer.register(sellerId, details, ApiKeyAuthentication.provenance(request))) {
            case Result.Accepted<CustomerView, Rejection> registered -> new Answer(HttpStatus.CREATED,
                    json.writeValueAsString(CustomerJson.of(registered.value())));
            case Result.Rejected<CustomerView, Rejection> refused
                    when refused.reason() instanceof PresentedKeyNotHeld
                    || refused.reason() instanceof PresentedKeyRevoked -> throw Rejections.toProblem(refused.reason());
            case Result.Rejected<CustomerView, Rejection> refused -> {
                ApiProblem problem = Rejections.toProblem(refused.reason());
                yield new Answer(problem.status(),
                        json.writeValueAsString(ErrorBody.of(problem.status(), problem.getMessage())));
            }
        };
    }

    private static ResponseEntity<String> answer(Answer answer) {
        return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    private static Optional<String> idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty()) {
            throw ApiProblem.badRequest("headers/idempotency-key must NOT have fewer than 1 characters");
        }
        if (key.indexOf('\u0000') >= 0) {
            throw ApiProblem.badRequest("headers/idempotency-key must NOT contain the character U+0000");
        }
        if (key.length() > IDEMPOTENCY_KEY_MAX) {
            throw ApiProblem.badRequest("headers/idempotency-key must NOT have more than " + IDEMPOTENCY_KEY_MAX
                    + " characters");
        }
        return Optional.of(key);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("Customer not found");
    }
}
