package com.virtualoffice.registration.application.webhooks;

import com.virtualoffice.registration.application.shared.Result;
import java.util.UUID;

/** A seller sends a dead delivery again, once its receiver works. */
public final class RetryWebhookDeliveryUseCase {

    private final WebhookEndpoints endpoints;

    public RetryWebhookDeliveryUseCase(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** The id of the delivery scheduled again, or why not. */
    public Result<UUID, WebhookRefusal> retry(UUID sellerId, UUID endpointId, UUID deliveryId) {
        return switch (endpoints.retry(sellerId, endpointId, deliveryId)) {
            case SCHEDULED -> Result.accepted(deliveryId);
            case NOT_FOUND -> Result.rejected(WebhookRefusal.NO_SUCH_DELIVERY);
            case NOT_RETRYABLE -> Result.rejected(WebhookRefusal.NOT_RETRYABLE);
        };
    }
}
