package com.virtualoffice.registration.application.webhooks;

import com.virtualoffice.registration.application.webhooks.WebhookEndpoints.RetryResult;
import java.util.UUID;

/** A seller sends a dead delivery again, once its receiver works. */
public final class RetryWebhookDeliveryUseCase {

    private final WebhookEndpoints endpoints;

    public RetryWebhookDeliveryUseCase(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public RetryResult retry(UUID sellerId, UUID endpointId, UUID deliveryId) {
        return endpoints.retry(sellerId, endpointId, deliveryId);
    }
}
