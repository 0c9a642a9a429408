package com.virtualoffice.registration.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.virtualoffice.registration.adapters.json.CustomerJson;
import com.virtualoffice.registration.adapters.json.EventJson;
import com.virtualoffice.registration.adapters.json.JsonTimestamps;
import com.virtualoffice.registration.application.privacy.ExportCustomerUseCase;
import com.virtualoffice.registration.application.privacy.ExportCustomerUseCase.Export;
import com.virtualoffice.registration.application.webhooks.CustomerDelivery;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** A customer's data as one document, for its rights of access and portability (docs/privacy.md). */
@RestController
class CustomerExportController {

    private final ExportCustomerUseCase exports;

    CustomerExportController(ExportCustomerUseCase exports) {
        this.exports = exports;
    }

    @GetMapping("/api/customers/{id}/export")
    Object export(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = ApiKeyAuthentication.caller(request).sellerId();
        UUID customerId = PathIds.parse(id).orElseThrow(CustomerExportController::notFound);
        return switch (exports.export(sellerId, customerId)) {
            case Export.Held held -> HeldJson.of(held);
            case Export.Erased erased -> new ErasedJson(erased.customerId().toString(),
                    JsonTimestamps.format(erased.exportedAt()), true, JsonTimestamps.format(erased.erasedAt()));
            case Export.NoSuchCustomer none -> throw notFound();
        };
    }

    private static ApiProblem notFound() {
        return ApiProblem.notFound("Customer not found");
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "exported_at", "erased", "deleted_at", "customer", "history", "webhook_deliveries"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record HeldJson(String id, String exportedAt, boolean erased, String deletedAt, CustomerJson customer,
                    List<EventJson.HistoryItem> history, List<DeliveryJson> webhookDeliveries) {

        static HeldJson of(Export.Held held) {
            return new HeldJson(held.customerId().toString(), JsonTimestamps.format(held.exportedAt()), false,
                    JsonTimestamps.format(held.deletedAt()), CustomerJson.of(held.customer()),
                    held.history().stream().map(EventJson.HistoryItem::of).toList(),
                    held.deliveries().stream().map(DeliveryJson::of).toList());
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"id", "exported_at", "erased", "erased_at"})
    record ErasedJson(String id, String exportedAt, boolean erased, String erasedAt) {
    }

    /** A delivery as the endpoint's list shows it, and which endpoint it went to and when it was enqueued. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"endpoint_id", "created_at"})
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryJson(String endpointId, String createdAt, @JsonUnwrapped WebhookController.DeliveryJson delivery) {

        static DeliveryJson of(CustomerDelivery sent) {
            return new DeliveryJson(sent.endpointId().toString(), JsonTimestamps.format(sent.createdAt()),
                    WebhookController.DeliveryJson.of(sent.delivery()));
        }
    }
}
