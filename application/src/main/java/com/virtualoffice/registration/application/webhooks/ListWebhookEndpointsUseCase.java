package com.virtualoffice.registration.application.webhooks;

import java.util.List;
import java.util.UUID;

/** A seller sees its endpoints, without their secrets. */
public final class ListWebhookEndpointsUseCase {

    private final WebhookEndpoints endpoints;

    public ListWebhookEndpointsUseCase(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public List<WebhookEndpoint> list(UUID sellerId) {
        return endpoints.ofSeller(sellerId);
    }
}
