package com.virtualoffice.registration.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.virtualoffice.registration.adapters.json.JsonTimestamps;
import com.virtualoffice.registration.application.events.CustomerEvent;
import com.virtualoffice.registration.application.events.CustomerEventType;
import com.virtualoffice.registration.application.webhooks.ListWebhookEndpointsUseCase;
import com.virtualoffice.registration.application.webhooks.RegisterWebhookEndpointUseCase;
import com.virtualoffice.registration.application.webhooks.RemoveWebhookEndpointUseCase;
import com.virtualoffice.registration.application.webhooks.RetryWebhookDeliveryUseCase;
import com.virtualoffice.registration.application.webhooks.WebhookDeliveriesUseCase;
import com.virtualoffice.registration.application.webhooks.WebhookDelivery;
import com.virtualoffice.registration.application.webhooks.WebhookEndpoint;
import com.virtualoffice.registration.application.webhooks.WebhookRefusal;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A seller's webhook endpoints and their deliveries. */
@RestController
class WebhookController {

    static final int URL_MAX = 2048;
    static final String NOT_PUBLIC = "body/url must be a public https URL";
    static final String TOO_MANY = "Webhook endpoint limit reached. A seller may have "
            + RegisterWebhookEndpointUseCase.MAX_ENDPOINTS_PER_SELLER + " endpoints.";
    static final String DUPLICATE = "A webhook endpoint with this URL already exists";

    private final RegisterWebhookEndpointUseCase register;
    private final ListWebhookEndpointsUseCase list;
    private final RemoveWebhookEndpointUseCase remove;
    private final WebhookDeliveriesUseCase deliveries;
    private final RetryWebhookDeliveryUseCase retry;
    private final JsonRequestBody jsonBody;

    WebhookController(RegisterWebhookEndpointUseCase register, ListWebhookEndpointsUseCase list,
                      RemoveWebhookEndpointUseCase remove, WebhookDeliveriesUseCase deliveries,
                      RetryWebhookDeliveryUseCase retry, JsonRequestBody jsonBody) {
        this.register = register;
        this.list = list;
        this.remove = remove;
        this.deliveries = deliveries;
        this.retry = retry;
        this.jsonBody = jsonBody;
    }

    @PostMapping("/api/webhook-endpoints")
    ResponseEntity<EndpointJson> register(HttpServletRequest request) {
        BodyFields body = BodyFields.of(jsonBody.read(request));
        body.require("url", "events");
        String url = url(body.string("url", URL_MAX));
        List<JsonNode> items = body.array("events", 1);
        Set<CustomerEventType> events = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            events.add(body.itemOneOf("events", i, items.get(i), WebhookController::eventType));
        }
        var registered = register.register(ApiKeyAuthentication.caller(request).sellerId(), url, List.copyOf(events))
                .orElseThrow(WebhookController::problem);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(EndpointJson.of(registered.endpoint(), registered.secret()));
    }

    @GetMapping("/api/webhook-endpoints")
    ListJson<EndpointJson> endpoints(HttpServletRequest request) {
        return new ListJson<>(list.list(ApiKeyAuthentication.caller(request).sellerId()).stream()
                .map(endpoint -> EndpointJson.of(endpoint, null)).toList());
    }

    @DeleteMapping("/api/webhook-endpoints/{id}")
    ResponseEntity<Void> remove(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        UUID endpointId = PathIds.parse(id).orElseThrow(WebhookController::noEndpoint);
        remove.remove(sellerId, endpointId).orElseThrow(WebhookController::problem);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/webhook-endpoints/{id}/deliveries")
    ListJson<DeliveryJson> deliveries(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        return PathIds.parse(id)
                .flatMap(endpointId -> deliveries.deliveries(sellerId, endpointId))
                .map(found -> new ListJson<>(found.stream().map(DeliveryJson::of).toList()))
                .orElseThrow(WebhookController::noEndpoint);
    }

    @PostMapping("/api/webhook-endpoints/{id}/deliveries/{deliveryId}/retry")
    ResponseEntity<Void> retry(@PathVariable String id, @PathVariable String deliveryId,
                               HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        UUID endpointId = PathIds.parse(id).orElseThrow(WebhookController::noEndpoint);
        UUID delivery = PathIds.parse(deliveryId).orElseThrow(WebhookController::noDelivery);
        retry.retry(sellerId, endpointId, delivery).orElseThrow(WebhookController::problem);
        return ResponseEntity.accepted().build();
    }

    /** A URL at all; where it may lead is the use case's to decide. */
    private static String url(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException notAUri) {
            throw notAUrl();
        }
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw notAUrl();
        }
        return text;
    }

    private static Optional<CustomerEventType> eventType(String code) {
        return Arrays.stream(CustomerEventType.values()).filter(type -> type.code().equals(code)).findFirst();
    }

    private static ApiProblem notAUrl() {
        return ApiProblem.badRequest("body/url must match format \"uri\"");
    }

    /** The one place where the webhook use cases' refusals become statuses and messages. */
    private static ApiProblem problem(WebhookRefusal refusal) {
        return switch (refusal) {
            case NOT_PUBLIC -> ApiProblem.badRequest(NOT_PUBLIC);
            case TOO_MANY_ENDPOINTS -> new ApiProblem(HttpStatus.FORBIDDEN, TOO_MANY);
            case DUPLICATE_URL -> new ApiProblem(HttpStatus.CONFLICT, DUPLICATE);
            case NO_SUCH_ENDPOINT -> ApiProblem.notFound("Webhook endpoint not found");
            case NO_SUCH_DELIVERY -> ApiProblem.notFound("Webhook delivery not found");
            case NOT_RETRYABLE -> new ApiProblem(HttpStatus.CONFLICT, "Only a dead or failed delivery can be retried");
        };
    }

    private static ApiProblem noEndpoint() {
        return problem(WebhookRefusal.NO_SUCH_ENDPOINT);
    }

    private static ApiProblem noDelivery() {
        return problem(WebhookRefusal.NO_SUCH_DELIVERY);
    }

    record ListJson<T>(List<T> data) {
    }

    /** The secret is present only in the answer that registers the endpoint. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "url", "events", "secret", "created_at"})
    record EndpointJson(String id, String url, List<String> events,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String secret, String createdAt) {

        static EndpointJson of(WebhookEndpoint endpoint, String secret) {
            return new EndpointJson(endpoint.id().toString(), endpoint.url(),
                    endpoint.events().stream().map(CustomerEventType::code).toList(), secret,
                    JsonTimestamps.format(endpoint.createdAt()));
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "event_id", "status", "attempts", "last_attempt_at", "last_status_code"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryJson(String id, String eventId, String status, int attempts, String lastAttemptAt,
                        Integer lastStatusCode) {

        static DeliveryJson of(WebhookDelivery delivery) {
            return new DeliveryJson(delivery.id().toString(), CustomerEvent.publicId(delivery.eventId()),
                    delivery.status().code(), delivery.attempts(), JsonTimestamps.format(delivery.lastAttemptAt()),
                    delivery.lastStatusCode());
        }
    }
}
