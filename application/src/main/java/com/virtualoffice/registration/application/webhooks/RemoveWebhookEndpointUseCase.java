package com.virtualoffice.registration.application.webhooks;

import java.util.UUID;

/** A seller stops an endpoint; events not yet delivered to it are dropped. */
public final class RemoveWebhookEndpointUseCase {

    private final WebhookEndpoints endpoints;

    public RemoveWebhookEndpointUseCase(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public boolean remove(UUID sellerId, UUID endpointId) {
        return endpoints.remove(sellerId, endpointId);
    }
}
